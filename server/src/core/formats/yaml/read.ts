import type { Pair } from 'yaml';
import type { FileFacts, FileKind, ReadOptions, Setting } from '../facts';
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
export function readYamlFile(uri: string, text: string, kind: FileKind = 'yaml-resources', options: ReadOptions = {}): FileFacts {
  const previous = options.previous?.yamlChunks && { text: options.previous.text, chunks: options.previous.yamlChunks };
  const parsed = parseYamlDocuments(text, previous);
  const problems = [...parsed.problems];
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
    yamlChunks: parsed.chunks,
    writer: yamlWriter(text, lineBreak, strimzi?.mm2.strimzi, strimzi?.pairsOf ?? new Map<Setting, Pair>()),
  };
}
