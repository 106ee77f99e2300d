import { Analyzer } from '../../server/src/core/service/analysis';
import { replicates } from '../../server/src/core/model/replay';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
import { generateConfig, type GeneratedConfig } from './configGen';
import { ask, type KafkaRuntime } from './java';
import { Random } from './random';
import type { Disagreement, LayerResult } from './report';

/**
 * Layer 2: Kafka's own classes (MirrorMakerConfig.clusterPairs and connectorBaseConfig, the Mirror
 * connectors' validate(), MirrorSourceConfig's policy and filter, shouldReplicateTopic) against
 * MirrorLint's reader, model and replay, on generated dedicated-mode files: which flows replicate,
 * what each replicates and under which name, and whether the file is rejected.
 */

/** The rules whose error findings say "Kafka rejects this configuration" (a ConfigException or a failed validation). */
export const CONFIG_EXCEPTION_FINDINGS: ReadonlySet<string> = new Set(['invalid-value/invalid', 'invalid-topic-pattern/*', 'conflicting-settings/*', 'no-replication-flows/*']);

const claimsRejection = (finding: { ruleId: string; messageId?: string }): boolean => CONFIG_EXCEPTION_FINDINGS.has(`${finding.ruleId}/*`) || CONFIG_EXCEPTION_FINDINGS.has(`${finding.ruleId}/${finding.messageId}`);

interface FlowAnswer {
  source: string;
  target: string;
  errors: string[];
  enabled?: boolean;
  replicated?: Record<string, string | null>;
}

interface Answer {
  id: number;
  configError?: string;
  flows?: FlowAnswer[];
  harnessError?: string;
}

interface Request extends GeneratedConfig {
  id: number;
}

interface Verdict {
  errors: { rule: string; message: string; claimsRejection: boolean }[];
  flows: Map<string, { decide(topic: string): string | null | undefined }>;
}

const URI = 'file:///oracle/mm2.properties';

/** What MirrorLint makes of a file, through the same analysis the CLI and the editor run. */
function mirrorLintVerdict(analyzer: Analyzer, text: string, version: string): Verdict {
  const analysis = analyzer.analyze([{ uri: URI, text, languageId: 'mm2-properties' }], { folders: [{ uri: '', settings: { ...DEFAULT_SETTINGS } }], forcedKafkaVersion: version });
  const errors = (analysis.files.get(URI)?.findings ?? []).filter((f) => f.severity === 'error').map((f) => ({ rule: f.ruleId, message: f.message, claimsRejection: claimsRejection(f) }));
  const flows = new Map<string, { decide(topic: string): string | null | undefined }>();
  for (const deployment of analysis.model.deployments) {
    for (const model of deployment.flows) {
      const undecided = model.topicFilter.problem !== undefined || model.policy.kind === 'unknown';
      flows.set(`${model.flow.source}->${model.flow.target}`, {
        decide: (topic) => (undecided ? undefined : replicates(model, topic) ? model.remoteName(topic) : null),
      });
    }
  }
  return { errors, flows };
}

export async function configLayer(runtime: KafkaRuntime, configs: number, seed: number): Promise<LayerResult> {
  const random = new Random(seed ^ 0x5bd1e995);
  const requests: Request[] = Array.from({ length: configs }, (_, id) => ({ id, ...generateConfig(random) }));
  const answers = await ask<Request, Answer>(runtime, 'org.apache.kafka.connect.mirror.MirrorLintOracle', ['config'], requests, 20 * 60_000);
  const result: LayerResult = { layer: 'config', version: runtime.version, cases: 0, agreements: 0, undecided: 0, disagreements: [] };
  const analyzer = new Analyzer({ readText: () => undefined });
  for (const request of requests) {
    const answer = answers.get(request.id)!;
    if (answer.harnessError) throw new Error(`config harness failed on\n${request.text}\n${answer.harnessError}`);
    const ours = mirrorLintVerdict(analyzer, request.text, runtime.version);
    const disagree = (kind: string, detail: Record<string, unknown>): void => {
      result.disagreements.push({ layer: 'config', version: runtime.version, kind, subject: request.text, detail } satisfies Disagreement);
    };
    const configErrors = ours.errors.filter((e) => e.claimsRejection);
    // Before 4.2 an empty `clusters` item is a cluster named "": Kafka pairs it with the others and
    // points its clients at the default localhost:9092. MirrorLint says so with an error and leaves
    // that cluster out of its model; its flows are not compared.
    const blank = (f: FlowAnswer): boolean => f.source === '' || f.target === '';
    const kafkaErrors = [
      ...(answer.configError ? [answer.configError] : []),
      ...(answer.flows ?? []).flatMap((f) => f.errors.map((e) => `${f.source}->${f.target} ${e}`)),
      ...((answer.flows ?? []).some(blank) ? ['a cluster named ""'] : []),
    ];

    // Rejection: a ConfigException or failed validation in Kafka ⇔ an error finding of a config rule.
    result.cases++;
    if (kafkaErrors.length > 0 && configErrors.length === 0) disagree('Kafka rejects, MirrorLint reports no error', { kafka: kafkaErrors, mirrorlintErrors: ours.errors });
    else if (kafkaErrors.length === 0 && configErrors.length > 0) disagree('MirrorLint reports an error, Kafka accepts', { mirrorlint: configErrors });
    else result.agreements++;
    if (answer.configError) continue;

    // Which flows replicate: a source connector that is enabled and passes validation.
    const kafkaFlows = new Map((answer.flows ?? []).filter((f) => !blank(f)).map((f) => [`${f.source}->${f.target}`, f]));
    const sourceFails = (f: FlowAnswer): boolean => f.errors.some((e) => e.startsWith('source'));
    const running = [...kafkaFlows].filter(([, f]) => f.enabled && !sourceFails(f)).map(([id]) => id);
    const failing = new Set([...kafkaFlows].filter(([, f]) => sourceFails(f)).map(([id]) => id));
    const ourRunning = [...ours.flows.keys()].filter((id) => !failing.has(id));
    result.cases++;
    const missing = running.filter((id) => !ours.flows.has(id));
    const extra = ourRunning.filter((id) => !running.includes(id));
    if (missing.length || extra.length) disagree('enabled flows differ', { kafka: running, mirrorlint: ourRunning });
    else result.agreements++;

    // What each running flow replicates, and under which name.
    for (const id of running) {
      const mine = ours.flows.get(id);
      const flow = kafkaFlows.get(id)!;
      if (!mine) continue;
      for (const [topic, kafkaName] of Object.entries(flow.replicated ?? {})) {
        result.cases++;
        const ourName = mine.decide(topic);
        if (kafkaName === '?' || ourName === undefined) result.undecided++;
        else if (ourName === kafkaName) result.agreements++;
        else disagree('replication differs', { flow: id, topic, kafka: kafkaName, mirrorlint: ourName });
      }
    }
  }
  return result;
}
