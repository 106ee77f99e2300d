import { parseAllDocuments, parseDocument, type Document } from 'yaml';
import type { OffsetRange } from '../../base/range';

/** Deeper nesting than any configuration has; the YAML parser's work grows steeply beyond it. */
export const MAX_YAML_DEPTH = 200;

/**
 * The offset of the first line nesting more than MAX_YAML_DEPTH levels (block indicators such as
 * `- - -` and flow brackets, counted outside quotes), or undefined. A cheap scan run before the parser.
 */
export function tooDeepYaml(text: string): number | undefined {
  let flow = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    let i = lineStart;
    let block = 0;
    for (;;) {
      while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
      if (i + 1 < end && (text[i] === '-' || text[i] === '?' || text[i] === ':') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        if (++block + flow > MAX_YAML_DEPTH) return i;
        i += 2;
      } else break;
    }
    let quote = '';
    for (; i < end; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#') break;
      else if (c === '[' || c === '{') flow++;
      else if ((c === ']' || c === '}') && flow > 0) flow--;
      if (block + flow > MAX_YAML_DEPTH) return i;
    }
    if (block + flow > MAX_YAML_DEPTH) return lineStart;
    lineStart = end + 1;
  }
  return undefined;
}

const OPTIONS = { uniqueKeys: false, logLevel: 'error' } as const;

export interface YamlProblem {
  message: string;
  range: OffsetRange;
}

/** The problem reported instead of parsing a text nested too deeply to read: one character where it happens. */
function depthProblem(text: string, offset: number): YamlProblem {
  const start = Math.min(offset, text.length);
  return { message: `Not analysed: this YAML nests more than ${MAX_YAML_DEPTH} levels deep here.`, range: { start, end: Math.min(text.length, start + 1) } };
}

/** The YAML documents of a text, read once and shared by the Strimzi and declarations readers. */
export function parseYamlDocuments(text: string): { documents: Document.Parsed[]; problem?: YamlProblem } {
  const deep = tooDeepYaml(text);
  if (deep !== undefined) return { documents: [], problem: depthProblem(text, deep) };
  try {
    return { documents: parseAllDocuments(text, OPTIONS) as Document.Parsed[] };
  } catch (error) {
    return { documents: [], problem: { message: `Cannot read this YAML: ${(error as Error).message}`, range: { start: 0, end: 0 } } };
  }
}

/** One YAML document (`.mirrorlint.yaml`), or the problem that kept it from being read. */
export function parseYamlDocument(text: string): { document?: Document.Parsed; problem?: YamlProblem } {
  const deep = tooDeepYaml(text);
  if (deep !== undefined) return { problem: depthProblem(text, deep) };
  return { document: parseDocument(text, OPTIONS) as Document.Parsed };
}
