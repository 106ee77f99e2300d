import { documentedProperties } from '../../mm2/catalog';
import type { CompletionCandidate } from '../../base/editor';
import { describeProperty } from '../../mm2/catalog/describe';
import type { OffsetRange } from '../../base/range';

const CONNECTORS = /^\s*(?:-\s+)?(sourceConnector|checkpointConnector|heartbeatConnector)\s*:\s*$/;

interface Line {
  start: number;
  text: string;
  indent: number;
}

function linesUpTo(text: string, offset: number): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.slice(0, offset).split('\n')) {
    lines.push({ start, text: raw, indent: raw.length - raw.trimStart().length });
    start += raw.length + 1;
  }
  return lines;
}

/**
 * Completion of MM2 keys inside a Strimzi connector `config:` map (block style). The cursor's
 * parents are found by indentation: a line `config:` whose own parent is a connector.
 */
export function completeStrimziConfigKey(text: string, offset: number): CompletionCandidate[] {
  const lines = linesUpTo(text, offset);
  const current = lines[lines.length - 1];
  if (current.text.includes(':')) return []; // a value is being written
  const keyStart = current.start + current.indent;
  let indent = current.indent;
  let parentIsConfig = false;
  for (let i = lines.length - 2; i >= 0; i--) {
    const line = lines[i];
    if (line.text.trim() === '' || line.text.trimStart().startsWith('#') || line.indent >= indent) continue;
    if (!parentIsConfig) {
      if (!/^\s*config\s*:\s*$/.test(line.text)) return [];
      parentIsConfig = true;
      indent = line.indent;
      continue;
    }
    if (!CONNECTORS.test(line.text)) return [];
    const range: OffsetRange = { start: keyStart, end: offset };
    return documentedProperties('flow')
      .filter((info) => !info.deprecated && info.owner === 'connector')
      .map((info) => ({
        label: info.name,
        kind: 'property' as const,
        detail: `${info.type}${info.defaultValue !== undefined ? ` = ${info.defaultValue}` : ''}`,
        documentation: describeProperty(info),
        newText: `${info.name}: `,
        filterText: info.name,
        range,
      }));
  }
  return [];
}
