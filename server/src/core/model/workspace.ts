import type { ReadResult } from '../base/read';
import type { FileFacts } from '../formats/facts';
import type { WorkspaceConfig } from '../formats/mirrorlintConfig/read';
import type { DeclarationFile } from '../formats/yaml/declarationTypes';
import { kafkaSemantics, type KafkaSemantics } from '../mm2/versions';
import { bindDeclarations, type DeclaredWorkspace, type UnboundSection } from './declared';
import { buildDeployment, groupDeployments, type Deployment, type Mm2File } from './deployments';
import type { ModelMemo } from './memo';

/** The whole workspace, understood: its deployments, and what each file belongs to. */
export interface WorkspaceModel {
  files: FileFacts[];
  fileOf(uri: string): FileFacts | undefined;
  deployments: Deployment[];
  /** The deployment whose flows a file's MM2 settings take part in. */
  deploymentOf(uri: string): Deployment | undefined;
  /** The declared workspaces a declarations file's sections were bound to. */
  declaredOf(uri: string): DeclaredWorkspace[];
  /** The sections of a file that could not be bound to an MM2 cluster. */
  unboundOf(uri: string): UnboundSection[];
  /** The declarations bound to a deployment's clusters, if any file declares something for them. */
  declaredFor(deployment: Deployment): DeclaredWorkspace | undefined;
  /** MM2's behaviour in the Kafka version that runs a file's connectors. */
  kafkaOf(uri: string): KafkaSemantics;
}

export interface ModelInputs {
  /** The `.mirrorlint.yaml` files and editor settings that govern a file, strongest first. */
  configChain(uri: string): WorkspaceConfig[];
  /** Reads files the declarations refer to (schema files); undefined when it cannot. */
  readText(uri: string): ReadResult;
  /** The Kafka version configured for a file (settings, `.mirrorlint.yaml`, `--kafka-version`). */
  kafkaVersion(uri: string): string | undefined;
  /** Reuse across builds: the previous build's deployments and binding where their inputs are the same. */
  memo?: ModelMemo;
  /**
   * Whether this build replaces the previous one, which may then be changed in place (a replay
   * taken over). A tentative build (fix-all trying a text) leaves the current model intact.
   */
  replacesPrevious?: boolean;
  /** Names the configuration (the `.mirrorlint.yaml` files and settings) so that the binding can be reused while it stays. */
  configurationKey?: string;
}

/** Facts of every file → deployments (with their flows and replay) → declarations bound to them. */
export function buildModel(files: FileFacts[], inputs: ModelInputs): WorkspaceModel {
  const filesByUri = new Map(files.map((f) => [f.uri, f]));
  const mm2Files = files.filter((f): f is Mm2File => f.mm2 !== undefined);
  const kafkaOf = (uri: string): KafkaSemantics => kafkaSemantics(filesByUri.get(uri)?.mm2?.kafkaVersion ?? inputs.kafkaVersion(uri));
  const { memo } = inputs;
  const takeover = memo && inputs.replacesPrevious ? { take: (key: string) => memo.take<Deployment>(`replay:${key}`) } : undefined;
  const build = (group: Mm2File[]): Deployment => buildDeployment(group, (file, flow) => kafkaSemantics(flow.kafkaVersion ?? inputs.kafkaVersion(file.uri)), takeover);
  const deployments = groupDeployments(mm2Files).map((group) =>
    memo ? memo.reuse(`deployment:${group.map((f) => `${memo.id(f)}@${inputs.kafkaVersion(f.uri) ?? ''}`).sort().join(',')}`, () => build(group)) : build(group),
  );
  if (memo) for (const deployment of deployments) memo.keep(`replay:${deployment.replayKey}`, deployment);
  const byFile = new Map<string, Deployment>();
  for (const deployment of deployments) for (const file of deployment.files) byFile.set(file.uri, deployment);
  const declarationFiles = files.flatMap((f): DeclarationFile[] => (f.declarations && f.kind !== 'mirrorlint-config' ? [f.declarations] : []));
  // A new binding takes each deployment's local topic names from the last one where they are equal (namesVersion).
  const previousFor = memo ? (deployment: Deployment) => memo.take<DeclaredWorkspace>(`declared:${memo.id(deployment)}`) : undefined;
  const bind = () => bindDeclarations(declarationFiles, deployments, inputs.configChain, inputs.readText, previousFor);
  const binding =
    memo && inputs.configurationKey !== undefined
      ? memo.reuse(`binding:${declarationFiles.map((f) => memo.id(f)).join(',')}|${deployments.map((d) => memo.id(d)).join(',')}|${inputs.configurationKey}`, bind)
      : bind();
  if (memo) for (const workspace of binding.workspaces) memo.keep(`declared:${memo.id(workspace.deployment)}`, workspace);
  const declaredByFile = new Map<string, DeclaredWorkspace[]>();
  for (const workspace of binding.workspaces) {
    for (const cluster of workspace.clusters.values()) {
      for (const { uri } of cluster.sections) {
        const list = declaredByFile.get(uri) ?? [];
        if (!list.includes(workspace)) list.push(workspace);
        declaredByFile.set(uri, list);
      }
    }
  }
  const unboundByFile = new Map<string, UnboundSection[]>();
  for (const section of binding.unbound) {
    const list = unboundByFile.get(section.uri);
    if (list) list.push(section);
    else unboundByFile.set(section.uri, [section]);
  }
  return {
    files,
    fileOf: (uri) => filesByUri.get(uri),
    deployments,
    deploymentOf: (uri) => byFile.get(uri),
    declaredOf: (uri) => declaredByFile.get(uri) ?? [],
    unboundOf: (uri) => unboundByFile.get(uri) ?? [],
    declaredFor: (deployment) => binding.workspaces.find((w) => w.deployment === deployment),
    kafkaOf,
  };
}
