import type { Pair } from 'yaml';
import type { FileFacts, FileKind, Setting } from '../facts';
import { hashComments, lineBreakOf } from '../text';
import { declaresTopology, parseDeclarations } from './declarations';
import { parseYamlDocuments } from './documents';
import { yamlProblems } from './nodes';
import { readStrimzi } from './strimzi';
import { yamlWriter } from './write';

/**
 * Reads a YAML file once for everything it may hold: KafkaMirrorMaker2 resources (MM2 facts),
 * KafkaTopology, KafkaTopic and KafkaUser documents (declarations). Never throws.
 */
export function readYamlFile(uri: string, text: string, kind: FileKind = 'yaml-resources'): FileFacts {
  const parsed = parseYamlDocuments(text);
  const problems = parsed.problem ? [parsed.problem] : [];
  for (const document of parsed.documents) problems.push(...yamlProblems(document, text));
  const strimzi = readStrimzi(parsed.documents);
  const declarations = declaresTopology(text) ? parseDeclarations(uri, text, parsed) : undefined;
  const lineBreak = lineBreakOf(text);
  return {
    uri,
    text,
    syntax: 'yaml',
    kind,
    lineBreak,
    problems,
    comments: hashComments(text),
    mm2: strimzi?.mm2,
    declarations,
    writer: yamlWriter(text, lineBreak, strimzi?.mm2.strimzi, strimzi?.pairsOf ?? new Map<Setting, Pair>()),
  };
}
