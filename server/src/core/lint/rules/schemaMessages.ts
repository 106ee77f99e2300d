import type { ErrorObject } from 'ajv';
import { isMap, isScalar, type Document, type Node as YamlNode } from 'yaml';
import { closestMatch } from '../../base/closest';
import type { OffsetRange } from '../../base/range';

/** ajv errors on a YAML document as readable messages at the offending node. Shared by the schema rules. */
const pathOf = (instancePath: string): (string | number)[] =>
  instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));

const display = (path: (string | number)[]): string =>
  path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '') || 'the resource';

function readable(error: ErrorObject, where: string, value: unknown): string {
  const shown = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
  switch (error.keyword) {
    case 'type':
      return `\`${where}\` must be ${error.params.type === 'integer' ? 'a whole number' : `of type ${String(error.params.type).replace(',', ' or ')}`}, not ${shown}.`;
    case 'required':
      return `\`${where}\` is missing the required field \`${error.params.missingProperty}\`.`;
    case 'pattern':
      return `\`${where}\` ${shown} is not a valid value: it must match ${error.params.pattern}${where.endsWith('alias') ? ' (letters, digits, `.`, `_`, `-`; at most 100)' : ''}.`;
    case 'enum':
      return `\`${where}\` must be one of ${(error.params.allowedValues as unknown[]).map((v) => `\`${v}\``).join(', ')}, not ${shown}.`;
    case 'additionalProperties':
      return `\`${where}\` has no field \`${error.params.additionalProperty}\`${suggestion(error)}.`;
    case 'minimum':
      return `\`${where}\` must be at least ${error.params.limit}, not ${shown}.`;
    default:
      return `\`${where}\` ${error.message ?? 'is not valid'}.`;
  }
}

/** Where a missing field belongs: the key of the object that lacks it (`target:`). */
function keyRangeOf(document: Document.Parsed, path: (string | number)[]): OffsetRange | undefined {
  if (path.length === 0) return undefined;
  const parent = document.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
  const key = pair?.key as YamlNode | undefined;
  return key?.range ? { start: key.range[0], end: key.range[1] } : undefined;
}

function rangeOf(document: Document.Parsed, path: (string | number)[], fallback: OffsetRange): OffsetRange {
  // Walk up until a node exists (a required field's parent, for instance).
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth), true) as YamlNode | undefined;
    if (node?.range) {
      const [start, end] = node.range;
      return isScalar(node) ? { start, end } : { start, end: Math.min(end, start + 1) };
    }
  }
  return fallback;
}

/** ` (did you mean `partitions`?)` from the schema's allowed fields. */
function suggestion(error: ErrorObject): string {
  const allowed = Object.keys((error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
  const guess = closestMatch(String(error.params.additionalProperty), allowed);
  return guess ? ` (did you mean \`${guess}\`?)` : allowed.length ? ` (allowed: ${allowed.map((a) => `\`${a}\``).join(', ')})` : '';
}

/** One message per distinct problem, placed at the node (a missing field at its parent's key). */
export function schemaProblems(document: Document.Parsed, errors: ErrorObject[], fallback: OffsetRange): { message: string; range: OffsetRange }[] {
  const seen = new Set<string>();
  const problems: { message: string; range: OffsetRange }[] = [];
  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'if' || error.keyword === 'anyOf') continue;
    const path = pathOf(error.instancePath);
    const where = display(path);
    const message = readable(error, where, document.getIn(path));
    if (seen.has(message)) continue;
    seen.add(message);
    const unknownKey = error.keyword === 'additionalProperties' ? keyRangeOf(document, [...path, String(error.params.additionalProperty)]) : undefined;
    problems.push({ message, range: unknownKey ?? ((error.keyword === 'required' && keyRangeOf(document, path)) || rangeOf(document, path, fallback)) });
  }
  return problems;
}
