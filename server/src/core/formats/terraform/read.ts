import type { FileFacts } from '../facts';
import { hashComments, lineBreakOf } from '../text';
import { AivenIntegrations, readAivenMm2 } from './aiven';
import { readAivenDeclarations } from './declarations';
import { TerraformModule, type ModuleFile } from './module';
import { parseHcl, type HclFile, type HclParser } from './syntax';
import { terraformWriter } from './write';

export type { HclParser } from './syntax';

/** Resources MirrorLint reads: a `.tf` file with none of them is not its to analyse (it may still define variables for one that is). */
const AIVEN_RESOURCE = /\b(?:resource|data)\s+"aiven_(?:mirrormaker_replication_flow|kafka_mirrormaker|service_integration|kafka_topic|kafka_schema)"/;

/** Whether a `.tf` file holds a resource MirrorLint reads (cheap, for classification). */
export const declaresAivenResources = (text: string): boolean => AIVEN_RESOURCE.test(text);

/** Larger than this, a `.tf` file is not parsed (no hand-written module is; generated ones are read elsewhere). */
const MAX_TERRAFORM_LENGTH = 5_000_000;

/** The folder of a uri: a Terraform module is the `.tf` files of one folder. */
export const moduleFolderOf = (uri: string): string => uri.slice(0, Math.max(0, uri.search(/[^/\\]*$/)));

/** Parses one file (each file of a module once per text; the parse is what costs). */
export function parseTerraformFile(text: string, parser: HclParser | undefined): HclFile {
  if (!parser) return { body: { attributes: [], blocks: [] }, problems: [{ message: 'Not analysed: Terraform support is not loaded in this host.', range: { start: 0, end: 0 } }] };
  if (text.length > MAX_TERRAFORM_LENGTH) return { body: { attributes: [], blocks: [] }, problems: [{ message: `Not analysed: larger than ${MAX_TERRAFORM_LENGTH / 1_000_000} MB.`, range: { start: 0, end: 0 } }] };
  return parseHcl(text, parser);
}

/**
 * Reads the files of one Terraform module together, as Terraform does (a reference in one file
 * may name a variable or resource of another): the facts of each file MirrorLint reads.
 */
export function readTerraformModule(files: ModuleFile[], ours: (file: ModuleFile) => boolean): FileFacts[] {
  const module = new TerraformModule(files);
  const integrations = new AivenIntegrations(module);
  return files.filter(ours).map((file) => {
    const { uri, text } = file;
    const lineBreak = lineBreakOf(text);
    const aiven = readAivenMm2(uri, module, integrations, moduleFolderOf(uri));
    const flows = aiven?.flows.map((f) => f.flow) ?? [];
    return {
      uri,
      text,
      syntax: 'hcl',
      kind: 'terraform',
      lineBreak,
      problems: file.hcl.problems,
      comments: hashComments(text),
      mm2: aiven && {
        mode: 'aiven',
        clusters: aiven.clusters,
        settings: aiven.settings,
        byKey: aiven.byKey,
        flows,
        aliasOccurrences: aiven.aliasOccurrences,
        bootstrapServers: aiven.bootstrapServers,
        keyPrefix: () => '',
        effective: aiven.effective,
        terraform: { unresolved: aiven.unresolved },
      },
      declarations: readAivenDeclarations(uri, text, lineBreak, module, integrations),
      writer: terraformWriter(text, lineBreak, aiven),
    } satisfies FileFacts;
  });
}
