import { definedIn, defaultIn, lookupProperty, propertyInfo, MIRROR_PROPERTIES } from '../../server/src/core/mm2/catalog';
import { splitList } from '../../server/src/core/mm2/lists';
import { kafkaSemantics } from '../../server/src/core/mm2/versions';
import { ask, type KafkaRuntime } from './java';
import type { LayerResult } from './report';

/**
 * The property catalog against the ConfigDefs of the release: every property the Mirror connectors
 * and MirrorMakerConfig define must be known to MirrorLint where MM2 reads it (else it is reported
 * as unknown), every property the catalog says the release has must exist, and defaults must match.
 * Client security settings (`ssl.*`, `sasl.*`) are a family MirrorLint accepts by prefix.
 */
interface Key {
  name: string;
  type: string;
  default?: string | null;
}

type Answer = { id: number; harnessError?: string } & Record<'source' | 'checkpoint' | 'heartbeat' | 'mirrorMaker' | 'client' | 'worker' | 'sourceConnector', Key[]>;

const sameList = (a: string, b: string): boolean => splitList(a).map((i) => i.item).join(',') === splitList(b).map((i) => i.item).join(',');

export async function catalogLayer(runtime: KafkaRuntime): Promise<LayerResult> {
  const answers = await ask<{ id: number }, Answer>(runtime, 'org.apache.kafka.connect.mirror.MirrorLintOracle', ['catalog'], [{ id: 0 }], 60_000);
  const answer = answers.get(0)!;
  if (answer.harnessError) throw new Error(`catalog harness failed: ${answer.harnessError}`);
  const kafka = kafkaSemantics(runtime.version);
  const result: LayerResult = { layer: 'catalog', version: runtime.version, cases: 0, agreements: 0, undecided: 0, disagreements: [] };
  const disagree = (subject: string, kind: string, detail: Record<string, unknown>): void => {
    result.disagreements.push({ layer: 'catalog', version: runtime.version, kind, subject, detail });
  };
  const defined = new Map<string, Key>();
  for (const key of [...answer.source, ...answer.checkpoint, ...answer.heartbeat]) defined.set(key.name, key);
  const mirrorMaker = new Set(answer.mirrorMaker.map((k) => k.name));
  for (const key of answer.mirrorMaker) if (!defined.has(key.name)) defined.set(key.name, key);
  for (const [name, key] of defined) {
    if (/^(ssl|sasl)\./.test(name)) continue;
    result.cases++;
    // Where MM2 reads it: top level for MirrorMakerConfig's own keys, a flow for connector keys.
    const lookup = lookupProperty(name, mirrorMaker.has(name) ? 'top' : 'flow');
    const info = propertyInfo(name);
    if (!lookup) disagree(name, 'Kafka defines it, MirrorLint reports it unknown', { type: key.type });
    else if (info && lookup.kind === 'property' && !definedIn(info, kafka)) disagree(name, 'Kafka defines it, the catalog says this release does not', { since: info.since, removedIn: info.removedIn });
    else if (info && key.default !== undefined && info.type === key.type.toLowerCase() && !sameList(defaultIn(info, kafka) ?? '', key.default ?? '')) {
      disagree(name, 'defaults differ', { kafka: key.default, mirrorlint: defaultIn(info, kafka) ?? null });
    } else result.agreements++;
  }
  // Under `<alias>.`: what MM2's clients take (MirrorClientConfig) and what its workers read (DistributedConfig).
  for (const key of [...answer.client, ...answer.worker]) {
    if (/^(ssl|sasl)\./.test(key.name)) continue;
    result.cases++;
    if (lookupProperty(key.name, 'cluster')) result.agreements++;
    else disagree(key.name, 'MM2 reads it under a cluster prefix, MirrorLint says it has no effect there', { type: key.type });
  }
  // Under `A->B.`: what Connect reads of a source connector.
  for (const key of answer.sourceConnector) {
    if (/^(ssl|sasl)\./.test(key.name) || key.name.startsWith('topic.creation')) continue;
    result.cases++;
    if (lookupProperty(key.name, 'flow')) result.agreements++;
    else disagree(key.name, 'Connect reads it in a source connector config, MirrorLint says it has no effect there', { type: key.type });
  }
  for (const info of MIRROR_PROPERTIES) {
    if (!definedIn(info, kafka) || info.owner === 'client' || info.owner === 'worker') continue;
    result.cases++;
    if (defined.has(info.name)) result.agreements++;
    else disagree(info.name, 'the catalog says this release has it, Kafka does not define it', { since: info.since, removedIn: info.removedIn });
  }
  return result;
}
