import { modify, type Node } from 'jsonc-parser';
import type { TextEdit } from '../../base/finding';
import type { OffsetRange } from '../../base/range';
import type { Flow, Setting, Writer } from '../facts';

/** A value inside a JSON string literal. */
const jsonStringContent = (value: string): string => JSON.stringify(value).slice(1, -1);

/** The indentation the file uses, so inserted members look like their siblings. */
function formattingOf(text: string): { insertSpaces: boolean; tabSize: number; eol: string } {
  const indented = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  return indented.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indented.length, eol };
}

/** One edit covering jsonc-parser's edits (they never overlap and come in order). */
function single(text: string, edits: { offset: number; length: number; content: string }[]): TextEdit | undefined {
  if (edits.length === 0) return undefined;
  const start = Math.min(...edits.map((e) => e.offset));
  const end = Math.max(...edits.map((e) => e.offset + e.length));
  let newText = '';
  let at = start;
  for (const edit of [...edits].sort((a, b) => a.offset - b.offset)) {
    newText += text.slice(at, edit.offset) + edit.content;
    at = edit.offset + edit.length;
  }
  return { range: { start, end }, newText: newText + text.slice(at, end) };
}

/** Edits of a Mirror connector's Connect JSON: members of its config object, written by jsonc-parser. */
export function connectWriter(text: string, root: Node | undefined, config: Node | undefined, nodes: Map<Setting, { property: Node; value: Node }>, flow: Flow | undefined): Writer {
  const formattingOptions = formattingOf(text);
  // The path of the config object: `config` in a REST body, the root for a bare map.
  const configPath = config && root && config !== root ? ['config'] : [];
  // jsonc-parser's modify throws on text it cannot make sense of: no edit then, rather than a failed rule.
  const modified = (path: string[], value: string | undefined): TextEdit | undefined => {
    try {
      return single(text, modify(text, path, value, { formattingOptions }));
    } catch {
      return undefined;
    }
  };
  const setMember = (property: string, value: string): TextEdit | undefined => (config ? modified([...configPath, property], value) : undefined);
  const replaceString = (range: OffsetRange, value: string): TextEdit => ({ range, newText: jsonStringContent(value) });
  return {
    setValue(setting, value) {
      const node = nodes.get(setting)?.value;
      // A number or boolean stays one when the new value is one; anything else becomes a string.
      if (node && node.type !== 'string') {
        const literal = node.type === 'number' && /^-?\d+(\.\d+)?$/.test(value) ? value : node.type === 'boolean' && /^(true|false)$/.test(value) ? value : JSON.stringify(value);
        return { range: { start: node.offset, end: node.offset + node.length }, newText: literal };
      }
      return replaceString(setting.valueRange, value);
    },
    renameProperty: (setting, property) => replaceString(setting.keyRange, property),
    remove(setting) {
      const removed = setting.shape.property ? modified([...configPath, setting.key], undefined) : undefined;
      return removed ?? { range: setting.span, newText: '' };
    },
    replaceName: replaceString,
    setFlowValue(target, property, value, role) {
      if (!flow || flow.source !== target.source || flow.target !== target.target || (role && !flow.connectors[role])) return undefined;
      const existing = [...nodes.keys()].reverse().find((s) => s.key === property);
      return existing ? this.setValue(existing, value) : setMember(property, value);
    },
    insert: () => undefined,
    addCluster: () => undefined,
  };
}
