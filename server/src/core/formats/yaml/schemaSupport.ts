import { isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import topologySchema from '../../../../../schemas/kafka-topology.json';
import workspaceConfigSchema from '../../../../../schemas/mirrorlint-config.json';
import type { CompletionCandidate } from '../../base/editor';
import type { OffsetRange } from '../../base/range';
import type { DeclarationFile } from './declarationTypes';

/**
 * Completion and hover for KafkaTopology files and `.mirrorlint.yaml`, driven by their JSON
 * Schemas: the same files that validate them document them, so the three cannot drift apart.
 */
interface SchemaNode {
  description?: string;
  type?: string | string[];
  enum?: string[];
  const?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  $ref?: string;
  /** VS Code's JSON-schema extension: a key tools write, which completion does not offer. */
  doNotSuggest?: boolean;
}

const ROOTS: Record<string, SchemaNode> = { topology: topologySchema as SchemaNode, config: workspaceConfigSchema as SchemaNode };

function resolve(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref) return node;
  const name = node.$ref.replace('#/definitions/', '');
  return resolve(root, (root as { definitions?: Record<string, SchemaNode> }).definitions?.[name]);
}

/** The schema of the value at a path of keys (`topics`, `orders`, `config`; list items as numbers). */
function schemaAt(root: SchemaNode, path: (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = resolve(root, root);
  for (const part of path) {
    if (!node) return undefined;
    if (typeof part === 'number') node = resolve(root, node.items);
    else node = resolve(root, node.properties?.[part] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined));
  }
  return node;
}

const rootFor = (file: DeclarationFile): SchemaNode | undefined => (file.format === 'workspace-config' ? ROOTS.config : file.format === 'kafka-topology' ? ROOTS.topology : undefined);

export interface KeyAt {
  path: (string | number)[];
  range: OffsetRange;
}

/** The map key under the cursor, with the path of keys to it. */
export function keyAt(document: Document.Parsed, offset: number): KeyAt | undefined {
  const visit = (node: unknown, path: (string | number)[]): KeyAt | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        if (!isPair(pair) || !isScalar(key) || !key.range) continue;
        const keyPath = [...path, String(key.value)];
        if (offset >= key.range[0] && offset <= key.range[1]) return { path: keyPath, range: { start: key.range[0], end: key.range[1] } };
        const value = pair.value as YamlNode | null;
        if (value?.range && offset >= value.range[0] && offset <= value.range[2]) return visit(value, keyPath);
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i] as YamlNode | null;
        if (item?.range && offset >= item.range[0] && offset <= item.range[2]) return visit(item, [...path, i]);
      }
    }
    return undefined;
  };
  return visit(document.contents, []);
}

/** The documentation of the key under the cursor, from the schema. */
export function describeKey(file: DeclarationFile, offset: number): { markdown: string; key: KeyAt } | undefined {
  const root = rootFor(file);
  const document = file.topologyDocuments.find((d) => offset >= d.range[0] && offset <= d.range[2]);
  if (!root || !document) return undefined;
  const key = keyAt(document, offset);
  const schema = key && schemaAt(root, key.path);
  if (!key || !schema?.description) return undefined;
  const name = key.path[key.path.length - 1];
  const values = schema.enum ? `\n\nOne of: ${schema.enum.map((v) => `\`${v}\``).join(', ')}` : '';
  return { markdown: `**${name}**\n\n${schema.description}${values}`, key };
}

interface Line {
  start: number;
  text: string;
  indent: number;
}

const DASH = /^(\s*)-\s+/;
const contentIndent = (text: string): number => DASH.exec(text)?.[0].length ?? text.length - text.trimStart().length;
const isBlank = (text: string): boolean => text.trim() === '' || text.trim().startsWith('#');

/** The block-style path of the line the cursor is on, from indentation (works on half-written YAML). */
function pathByIndentation(lines: Line[], index: number): (string | number)[] {
  const current = lines[index];
  const path: (string | number)[] = [];
  let indent = current.indent;
  const currentDash = DASH.exec(current.text);
  if (currentDash) path.unshift(0);
  for (let i = index - 1; i >= 0; i--) {
    const line = lines[i];
    if (isBlank(line.text) || line.text.startsWith('---')) continue;
    const dash = DASH.exec(line.text);
    if (line.indent > indent) continue;
    if (line.indent === indent) {
      // A sibling key; when it opens a list item, the cursor is inside that item.
      if (dash && !currentDash) {
        path.unshift(0);
        indent = dash[1].length;
      }
      continue;
    }
    const key = /^\s*(?:-\s+)?([^:#\s][^:#]*?)\s*:\s*(#.*)?$/.exec(line.text)?.[1];
    if (key === undefined) break;
    path.unshift(key.replace(/^["']|["']$/g, ''));
    if (dash) path.unshift(0);
    indent = dash ? dash[1].length : line.indent;
  }
  return path;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    lines.push({ start, text: line, indent: contentIndent(line) });
    start += raw.length + 1;
  }
  return lines;
}

/** Keys already written in the block the cursor is in (same indentation, up to the parent and the block's end). */
function keysOfBlock(lines: Line[], index: number): Set<string> {
  const indent = lines[index].indent;
  const keys = new Set<string>();
  const take = (line: Line): boolean => {
    if (isBlank(line.text)) return true;
    if (line.indent < indent) return false;
    const key = line.indent === indent ? /^\s*(?:-\s+)?([^\s:#]+)\s*:/.exec(line.text)?.[1] : undefined;
    if (key) keys.add(key);
    return true;
  };
  for (let i = index - 1; i >= 0 && take(lines[i]) && !DASH.test(lines[i + 1]?.text ?? '') ; i--);
  for (let i = index + 1; i < lines.length && !(DASH.test(lines[i].text) && lines[i].indent === indent) && take(lines[i]); i++);
  return keys;
}

/** Keys the schema allows where the cursor is (block style), minus those already written there. */
export function completeDeclarationKey(file: DeclarationFile, offset: number): CompletionCandidate[] {
  const root = rootFor(file);
  if (!root) return [];
  const lines = linesOf(file.text);
  let index = lines.findIndex((line, i) => offset >= line.start && (i === lines.length - 1 || offset < lines[i + 1].start));
  if (index < 0) index = lines.length - 1;
  const current = lines[index];
  if (current.text.slice(0, offset - current.start).includes(':')) return [];
  const schema = schemaAt(root, pathByIndentation(lines, index));
  if (!schema?.properties) return [];
  const written = keysOfBlock(lines, index);
  const keyStart = current.start + current.indent;
  return Object.entries(schema.properties)
    .filter(([name, property]) => !written.has(name) && !resolve(root, property)?.doNotSuggest)
    .map(([name, property]) => {
      const resolved = resolve(root, property);
      const isCollection = resolved?.type === 'object' || resolved?.type === 'array' || !!resolved?.properties;
      return {
        label: name,
        kind: 'property' as const,
        detail: Array.isArray(resolved?.type) ? resolved!.type.join(' | ') : (resolved?.type ?? (resolved?.enum ? 'enum' : resolved?.const ? `"${resolved.const}"` : '')),
        documentation: resolved?.description ?? '',
        newText: isCollection ? `${name}:` : `${name}: `,
        filterText: name,
        range: { start: keyStart, end: offset },
      };
    });
}
