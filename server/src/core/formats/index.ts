import { readConnectJson } from './connect/read';
import type { FileFacts, FileKind } from './facts';
import { readMirrorlintConfigFile } from './mirrorlintConfig/read';
import { readPropertiesFile } from './properties/read';
import { readYamlFile } from './yaml/read';

export { classify, mayBeOurs } from './classify';
export type * from './facts';

const READERS: Record<FileKind, (uri: string, text: string, kind: FileKind) => FileFacts> = {
  'mm2-properties': readPropertiesFile,
  'connect-json': readConnectJson,
  'yaml-resources': readYamlFile,
  'kafka-topology': readYamlFile,
  'mirrorlint-config': readMirrorlintConfigFile,
};

/** The facts of one file, read by the reader of its kind. Never throws on any text. */
export function readFile(uri: string, text: string, kind: FileKind): FileFacts {
  return READERS[kind](uri, text, kind);
}
