import type { TextEdit } from '../base/finding';
import type { OffsetRange } from '../base/range';
import type { FileFacts } from '../formats/facts';
import { isValidAlias, locate } from './locate';

/** The alias under the cursor, for rename. */
export function aliasAt(file: FileFacts, offset: number): { alias: string; range: OffsetRange } | undefined {
  const found = file.mm2 && locate(file.mm2, offset);
  return found?.kind === 'alias' ? { alias: found.alias, range: found.range } : undefined;
}

/** Where the alias under the cursor is declared. */
export function definition(file: FileFacts, offset: number): OffsetRange[] {
  const found = aliasAt(file, offset);
  if (!found || !file.mm2) return [];
  return file.mm2.aliasOccurrences.filter((o) => o.alias === found.alias && o.isDeclaration).map((o) => o.range);
}

/** Every place the alias under the cursor is written in the file. */
export function references(file: FileFacts, offset: number, includeDeclaration: boolean): OffsetRange[] {
  const found = aliasAt(file, offset);
  if (!found || !file.mm2) return [];
  return file.mm2.aliasOccurrences.filter((o) => o.alias === found.alias && (includeDeclaration || !o.isDeclaration)).map((o) => o.range);
}

export type RenameResult = { edits: TextEdit[] } | { error: 'not-an-alias' | 'invalid-name'; message: string };

/** Renames a cluster alias everywhere it is written in the file, in the file's syntax. */
export function renameAlias(file: FileFacts, offset: number, newName: string): RenameResult {
  const found = aliasAt(file, offset);
  if (!found || !file.mm2) return { error: 'not-an-alias', message: 'Only cluster aliases can be renamed.' };
  if (!isValidAlias(newName)) return { error: 'invalid-name', message: `\`${newName}\` is not a usable cluster alias: use letters, digits, \`_\` and \`-\` (no separators, spaces, commas or arrows).` };
  return { edits: file.mm2.aliasOccurrences.filter((o) => o.alias === found.alias).map((o) => file.writer.replaceName(o.range, newName)) };
}
