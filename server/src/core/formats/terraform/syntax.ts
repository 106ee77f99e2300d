import { OffsetMap } from '../../base/offsetMap';
import type { OffsetRange } from '../../base/range';

/**
 * The part of a tree-sitter syntax tree the Terraform reader walks. The host hands the core a
 * parser (web-tree-sitter with the HCL grammar's Terraform dialect, loaded asynchronously once);
 * the core only reads the tree it returns, so it stays free of wasm loading and Node I/O.
 * Offsets are UTF-16 code units, as web-tree-sitter gives them for JavaScript strings.
 */
export interface HclSyntaxNode {
  readonly type: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly isMissing: boolean;
  readonly isError: boolean;
  readonly hasError: boolean;
  readonly children: readonly (HclSyntaxNode | null)[];
  readonly namedChildren: readonly (HclSyntaxNode | null)[];
}

export interface HclTree {
  readonly rootNode: HclSyntaxNode;
  /** Frees the tree (web-tree-sitter trees live in wasm memory). */
  delete(): void;
}

export interface HclParser {
  parse(text: string): HclTree | null;
}

/** An HCL expression, as far as MirrorLint reads one: literals, lists, maps, references, calls. */
export type HclExpr =
  | { kind: 'string'; value: string; range: OffsetRange; inner: OffsetRange; offsets: OffsetMap; heredoc: boolean }
  | { kind: 'template'; parts: (string | HclExpr)[]; range: OffsetRange }
  | { kind: 'number'; value: string; range: OffsetRange }
  | { kind: 'bool'; value: boolean; range: OffsetRange }
  | { kind: 'null'; range: OffsetRange }
  | { kind: 'tuple'; items: HclExpr[]; range: OffsetRange }
  | { kind: 'object'; entries: { key: string; keyRange: OffsetRange; value: HclExpr }[]; range: OffsetRange }
  | { kind: 'reference'; path: string[]; range: OffsetRange }
  | { kind: 'call'; name: string; args: HclExpr[]; range: OffsetRange }
  | { kind: 'other'; range: OffsetRange };

export interface HclAttribute {
  name: string;
  nameRange: OffsetRange;
  value: HclExpr;
  /** From the name to the end of the value. */
  range: OffsetRange;
}

export interface HclBlock {
  type: string;
  typeRange: OffsetRange;
  labels: { value: string; range: OffsetRange }[];
  body: HclBody;
  range: OffsetRange;
  /** Just after `{` and just before `}`: where attributes are added. */
  bodyStart: number;
  bodyEnd: number;
}

export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

/** Where Terraform would stop reading the file, and why. */
export interface HclProblem {
  message: string;
  range: OffsetRange;
}

export interface HclFile {
  body: HclBody;
  problems: HclProblem[];
}

/** Deeper than this, an expression is not read (no Aiven resource nests so deep; fuzzed input does). */
const MAX_DEPTH = 64;

const lineStartOf = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
const rangeOf = (node: HclSyntaxNode): OffsetRange => ({ start: node.startIndex, end: node.endIndex });
const named = (node: HclSyntaxNode): HclSyntaxNode[] => node.namedChildren.filter((c): c is HclSyntaxNode => c !== null);

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** A quoted string's literal text, decoded as HCL does, with the source offset of each decoded character. */
function decodeLiteral(text: string, start: number, end: number): { value: string; offsets: number[] } {
  let value = '';
  const offsets: number[] = [];
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < end) {
      const next = text[i + 1];
      const unicode = next === 'u' ? 4 : next === 'U' ? 8 : 0;
      if (unicode && /^[0-9a-fA-F]+$/.test(text.slice(i + 2, i + 2 + unicode)) && i + 2 + unicode <= end) {
        const code = Number.parseInt(text.slice(i + 2, i + 2 + unicode), 16);
        const decoded = code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
        for (const unit of decoded.split('')) {
          value += unit;
          offsets.push(i);
        }
        i += 1 + unicode;
        continue;
      }
      value += ESCAPES[next] ?? next;
      offsets.push(i);
      i++;
      continue;
    }
    // `$${` and `%%{` are a literal `${` and `%{`.
    if ((ch === '$' || ch === '%') && text[i + 1] === ch && text[i + 2] === '{') {
      value += `${ch}{`;
      offsets.push(i, i + 2);
      i += 2;
      continue;
    }
    value += ch;
    offsets.push(i);
  }
  return { value, offsets };
}

class TreeReader {
  readonly problems: HclProblem[] = [];

  constructor(private readonly text: string) {}

  body(node: HclSyntaxNode | undefined, depth: number): HclBody {
    const body: HclBody = { attributes: [], blocks: [] };
    for (const child of node ? named(node) : []) {
      if (child.type === 'attribute') {
        const attribute = this.attribute(child, depth);
        if (attribute) body.attributes.push(attribute);
      } else if (child.type === 'block') {
        const block = this.block(child, depth);
        if (block) body.blocks.push(block);
      }
    }
    return body;
  }

  private attribute(node: HclSyntaxNode, depth: number): HclAttribute | undefined {
    const [name, value] = named(node);
    if (name?.type !== 'identifier' || !value) return undefined;
    return { name: this.text.slice(name.startIndex, name.endIndex), nameRange: rangeOf(name), value: this.expression(value, depth + 1), range: rangeOf(node) };
  }

  private block(node: HclSyntaxNode, depth: number): HclBlock | undefined {
    const children = named(node);
    const type = children[0];
    if (type?.type !== 'identifier') return undefined;
    const labels = children.slice(1).filter((c) => c.type === 'string_lit' || c.type === 'identifier').map((c) => this.label(c));
    const start = node.children.find((c) => c?.type === 'block_start');
    const end = node.children.find((c) => c?.type === 'block_end');
    const inner = children.find((c) => c.type === 'body');
    return {
      type: this.text.slice(type.startIndex, type.endIndex),
      typeRange: rangeOf(type),
      labels,
      body: depth < MAX_DEPTH ? this.body(inner, depth + 1) : { attributes: [], blocks: [] },
      range: rangeOf(node),
      bodyStart: start?.endIndex ?? node.endIndex,
      bodyEnd: end && !end.isMissing ? end.startIndex : node.endIndex,
    };
  }

  private label(node: HclSyntaxNode): { value: string; range: OffsetRange } {
    if (node.type === 'identifier') return { value: this.text.slice(node.startIndex, node.endIndex), range: rangeOf(node) };
    const literal = this.stringLiteral(node);
    return { value: literal.kind === 'string' ? literal.value : '', range: literal.kind === 'string' ? literal.inner : rangeOf(node) };
  }

  /** `"…"` without interpolation. */
  private stringLiteral(node: HclSyntaxNode): HclExpr {
    const open = node.children.find((c) => c?.type === 'quoted_template_start');
    const close = node.children.find((c) => c?.type === 'quoted_template_end');
    const start = open?.endIndex ?? node.startIndex;
    const end = close && !close.isMissing ? close.startIndex : node.endIndex;
    const { value, offsets } = decodeLiteral(this.text, start, end);
    offsets.push(end);
    return { kind: 'string', value, range: rangeOf(node), inner: { start, end }, offsets: OffsetMap.of(offsets), heredoc: false };
  }

  expression(node: HclSyntaxNode, depth: number): HclExpr {
    const range = rangeOf(node);
    if (depth > MAX_DEPTH) return { kind: 'other', range };
    const children = named(node);
    switch (node.type) {
      case 'expression': {
        // `a.b.c` is a variable_expr followed by get_attr siblings; anything else is one child.
        if (children[0]?.type === 'variable_expr') return this.reference(children, range);
        return children.length === 1 ? this.expression(children[0], depth + 1) : { kind: 'other', range };
      }
      case 'literal_value':
      case 'collection_value':
        return children.length === 1 ? this.expression(children[0], depth + 1) : { kind: 'other', range };
      case 'string_lit':
        return this.stringLiteral(node);
      case 'numeric_lit':
        return { kind: 'number', value: this.text.slice(node.startIndex, node.endIndex), range };
      case 'bool_lit':
        return { kind: 'bool', value: this.text.slice(node.startIndex, node.endIndex) === 'true', range };
      case 'null_lit':
        return { kind: 'null', range };
      case 'tuple':
        return { kind: 'tuple', items: children.filter((c) => c.type === 'expression').map((c) => this.expression(c, depth + 1)), range };
      case 'object':
        return { kind: 'object', entries: children.filter((c) => c.type === 'object_elem').flatMap((c) => this.objectEntry(c, depth)), range };
      case 'template_expr':
        return children.length === 1 ? this.template(children[0], depth) : { kind: 'other', range };
      case 'function_call': {
        const name = children[0];
        const args = children.find((c) => c.type === 'function_arguments');
        return { kind: 'call', name: name ? this.text.slice(name.startIndex, name.endIndex) : '', args: args ? named(args).filter((c) => c.type === 'expression').map((c) => this.expression(c, depth + 1)) : [], range };
      }
      case 'operation': {
        // `-1` is a unary operation on a number literal.
        const unary = children[0];
        const operand = unary?.type === 'unary_operation' ? named(unary)[0] : undefined;
        const number = operand && this.expression(operand, depth + 1);
        if (number?.kind === 'number' && this.text[unary!.startIndex] === '-') return { kind: 'number', value: `-${number.value}`, range };
        return { kind: 'other', range };
      }
      default:
        return { kind: 'other', range };
    }
  }

  private reference(children: HclSyntaxNode[], range: OffsetRange): HclExpr {
    const path: string[] = [];
    for (const child of children) {
      const identifier = child.type === 'variable_expr' || child.type === 'get_attr' ? named(child)[0] : undefined;
      // An index (`[0]`) or a splat makes the value one MirrorLint does not follow.
      if (identifier?.type !== 'identifier') return { kind: 'other', range };
      path.push(this.text.slice(identifier.startIndex, identifier.endIndex));
    }
    return { kind: 'reference', path, range };
  }

  private objectEntry(node: HclSyntaxNode, depth: number): { key: string; keyRange: OffsetRange; value: HclExpr }[] {
    const [key, value] = named(node);
    if (!key || !value) return [];
    const keyExpr = this.expression(key, depth + 1);
    // `{retention_ms = 1}`: a bare key reads as a one-part reference.
    const name = keyExpr.kind === 'string' ? keyExpr.value : keyExpr.kind === 'reference' && keyExpr.path.length === 1 ? keyExpr.path[0] : undefined;
    if (name === undefined) return [];
    return [{ key: name, keyRange: keyExpr.kind === 'string' ? keyExpr.inner : keyExpr.range, value: this.expression(value, depth + 1) }];
  }

  private template(node: HclSyntaxNode, depth: number): HclExpr {
    const range = rangeOf(node);
    const heredoc = node.type === 'heredoc_template';
    const parts: (string | HclExpr)[] = [];
    for (const child of named(node)) {
      if (child.type === 'template_literal') parts.push(heredoc ? this.text.slice(child.startIndex, child.endIndex) : decodeLiteral(this.text, child.startIndex, child.endIndex).value);
      else if (child.type === 'template_interpolation') {
        const inner = named(child).find((c) => c.type === 'expression');
        parts.push(inner ? this.expression(inner, depth + 1) : { kind: 'other', range: rangeOf(child) });
      } else if (child.type !== 'heredoc_start' && child.type !== 'heredoc_identifier' && child.type !== 'quoted_template_start' && child.type !== 'quoted_template_end') {
        // Directives (`%{ if }`) and anything else: not a plain string.
        parts.push({ kind: 'other', range: rangeOf(child) });
      }
    }
    if (heredoc && parts.every((p) => typeof p === 'string')) {
      // The text runs from the line after `<<EOT` to the start of the closing marker's line (tree-sitter's literal skips the edges' blanks).
      const markers = named(node).filter((c) => c.type === 'heredoc_identifier');
      const newline = this.text.indexOf('\n', markers[0]?.endIndex ?? range.start);
      const start = newline < 0 ? range.end : newline + 1;
      const closing = markers[1] ?? markers[0];
      const end = Math.max(start, closing && markers.length > 1 ? lineStartOf(this.text, closing.startIndex) : range.end);
      const raw = this.text.slice(start, end);
      const indented = this.text.slice(node.startIndex, node.startIndex + 3) === '<<-';
      const value = indented ? stripIndent(raw) : raw;
      return { kind: 'string', value, range, inner: { start, end }, offsets: value === raw ? OffsetMap.linear(start, value.length + 1) : OffsetMap.constant(start, value.length + 1), heredoc: true };
    }
    return { kind: 'template', parts, range };
  }

  /** The ERROR and MISSING nodes of the tree: the first of each run is reported. */
  collectProblems(node: HclSyntaxNode): void {
    if (!node.hasError && !node.isMissing) return;
    if (node.isMissing) {
      this.problems.push({ message: `Not valid HCL: \`${node.type}\` is missing here. Terraform cannot read this file.`, range: { start: node.startIndex, end: node.startIndex } });
      return;
    }
    if (node.isError) {
      const opener = unclosedOpener(node);
      if (opener) {
        this.problems.push({ message: `Not valid HCL: this \`${this.text.slice(opener.startIndex, opener.endIndex)}\` is never closed. Terraform cannot read this file.`, range: rangeOf(opener) });
        return;
      }
      const end = Math.min(node.endIndex, this.lineEnd(node.startIndex));
      this.problems.push({ message: 'Not valid HCL: Terraform cannot read this file from here.', range: { start: node.startIndex, end: Math.max(end, node.startIndex + 1) } });
      return;
    }
    for (const child of node.children) {
      if (!child || this.problems.length >= 20) continue;
      // A missing `}` or `]` is found at the end of the file: the `{` or `[` it should close is where to look.
      const missing = child.isMissing || child.children.some((c) => c?.isMissing);
      const opener = missing && CLOSERS.has(child.type) ? node.children.find((c) => c?.type === child.type.replace('_end', '_start')) : undefined;
      if (opener) this.problems.push({ message: `Not valid HCL: this \`${this.text.slice(opener.startIndex, opener.endIndex)}\` is never closed. Terraform cannot read this file.`, range: rangeOf(opener) });
      else this.collectProblems(child);
    }
  }

  private lineEnd(offset: number): number {
    const end = this.text.indexOf('\n', offset);
    return end < 0 ? this.text.length : end;
  }
}

const OPENERS = new Set(['block_start', 'tuple_start', 'object_start', 'template_interpolation_start']);
const CLOSERS = new Set(['block_end', 'tuple_end', 'object_end', 'template_interpolation_end']);

/** The innermost `{`, `[` or `${` an error node opens and never closes: where the reader of the file would look. */
function unclosedOpener(node: HclSyntaxNode): HclSyntaxNode | undefined {
  const open: HclSyntaxNode[] = [];
  for (const child of node.children) {
    if (!child) continue;
    if (OPENERS.has(child.type)) open.push(child);
    else if (CLOSERS.has(child.type) && !child.isMissing) open.pop();
  }
  return open[open.length - 1];
}

/** `<<-EOT`: the common leading whitespace of the lines is removed. */
function stripIndent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? indents.reduce((least, indent) => Math.min(least, indent)) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

/** Reads a tree into MirrorLint's HCL vocabulary; the tree can be deleted afterwards. */
export function readHclTree(text: string, root: HclSyntaxNode): HclFile {
  const reader = new TreeReader(text);
  const body = root.type === 'config_file' ? named(root).find((c) => c.type === 'body') : undefined;
  reader.collectProblems(root);
  return { body: reader.body(body, 0), problems: reader.problems.slice(0, 1) };
}

/** Parses `text` with the host's parser, never throwing: a parser failure is a problem of the file. */
export function parseHcl(text: string, parser: HclParser): HclFile {
  let tree: HclTree | null = null;
  try {
    tree = parser.parse(text);
    if (!tree) return { body: { attributes: [], blocks: [] }, problems: [{ message: 'Not analysed: the HCL parser gave up on this file.', range: { start: 0, end: 0 } }] };
    return readHclTree(text, tree.rootNode);
  } catch (error) {
    return { body: { attributes: [], blocks: [] }, problems: [{ message: `Not analysed: the HCL parser failed (${(error as Error).message}).`, range: { start: 0, end: 0 } }] };
  } finally {
    tree?.delete();
  }
}
