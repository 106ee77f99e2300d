import fc from 'fast-check';

export type Keystroke = [line: number, column: number, kind: 'replace' | 'insert' | 'delete', character: string];

/** Sequences of keystrokes, each at a line and column taken modulo the text's. */
export const keystrokes = (characters: string[], maxLength: number): fc.Arbitrary<Keystroke[]> =>
  fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('replace' as const, 'insert' as const, 'delete' as const), fc.constantFrom(...characters)), { minLength: 1, maxLength });

/** The text after one keystroke (a character replaced, inserted or deleted on one line), and that line's index. */
export function typed(text: string, [line, column, kind, character]: Keystroke): { text: string; index: number } {
  const lines = text.split('\n');
  const index = line % lines.length;
  const at = column % (lines[index].length + 1);
  const current = lines[index];
  lines[index] = kind === 'insert' ? current.slice(0, at) + character + current.slice(at) : current.slice(0, at) + (kind === 'replace' ? character : '') + current.slice(at + 1);
  return { text: lines.join('\n'), index };
}
