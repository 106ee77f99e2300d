import { CLUSTERS_LINE, MM2_LANGUAGE_ID } from '../../../../shared/src/constants';
import type { FileKind } from './facts';
import { mirrorConnectorOf } from './connect/read';
import { isWorkspaceConfig } from './mirrorlintConfig/read';
import { declaresAivenResources } from './terraform/read';
import { declaresTopology } from './yaml/declarations';
import { declaresKafkaMirrorMaker2 } from './yaml/strimzi';


/** File names that are MM2 properties files whatever they hold. */
const MM2_FILE_NAMES = /(^|[\\/.])mm2\.properties$|(^|[\\/])connect-mirror-maker\.properties$/i;


const extensionOf = (uri: string): string => /\.([^./\\]+)$/.exec(uri)?.[1]?.toLowerCase() ?? '';

/**
 * What a file is, decided in one place for the server, the CLI and file discovery: by name and
 * content, or by the editor's language id (a user's `files.associations`). Undefined: not ours.
 */
export function classify(uri: string, text: string, languageId?: string): FileKind | undefined {
  if (isWorkspaceConfig(uri)) return 'mirrorlint-config';
  if (languageId === MM2_LANGUAGE_ID) return 'mm2-properties';
  const extension = extensionOf(uri);
  if (extension === 'json') return mirrorConnectorOf(text) ? 'connect-json' : undefined;
  if (extension === 'yaml' || extension === 'yml') {
    const topology = declaresTopology(text);
    if (!topology && !declaresKafkaMirrorMaker2(text)) return undefined;
    return topology && /^kind:[ \t]*["']?KafkaTopology/m.test(text) ? 'kafka-topology' : 'yaml-resources';
  }
  if (extension === 'tf') return declaresAivenResources(text) ? 'terraform' : undefined;
  if (extension === 'properties') return MM2_FILE_NAMES.test(uri) || CLUSTERS_LINE.test(text) ? 'mm2-properties' : undefined;
  return undefined;
}

/** Whether a name alone makes a file worth reading to classify (file discovery reads no other file). */
export const mayBeOurs = (uri: string): boolean => isWorkspaceConfig(uri) || ['json', 'yaml', 'yml', 'properties', 'tf'].includes(extensionOf(uri));
