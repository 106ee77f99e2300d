import { readConnectJson } from './connect/read';
import type { FileFacts, FileKind, ReadOptions } from './facts';
import { readMirrorlintConfigFile } from './mirrorlintConfig/read';
import { readPropertiesFile } from './properties/read';
import { parseTerraformFile, readTerraformModule } from './terraform/read';
import { readYamlFile } from './yaml/read';

export { classify, mayBeOurs } from './classify';
export type * from './facts';

const READERS: Record<FileKind, (uri: string, text: string, kind: FileKind, options: ReadOptions) => FileFacts> = {
  'mm2-properties': readPropertiesFile,
  'connect-json': readConnectJson,
  'yaml-resources': readYamlFile,
  'kafka-topology': readYamlFile,
  'mirrorlint-config': readMirrorlintConfigFile,
  // A file on its own is a module of one file; the analyzer reads a folder's files together.
  terraform: (uri, text, _kind, options) => readTerraformModule([{ uri, text, hcl: parseTerraformFile(text, options.hcl) }], () => true)[0],
};

/** The facts of one file, read by the reader of its kind. Never throws on any text. */
export function readFile(uri: string, text: string, kind: FileKind, options: ReadOptions = {}): FileFacts {
  return READERS[kind](uri, text, kind, options);
}
