/** The line break a file uses, for the lines edits insert. */
export const lineBreakOf = (text: string): string => (/\r\n/.test(text) ? '\r\n' : '\n');

/** Full-line `#` comments (YAML), as ranges from the `#` to the end of the line. */
export function hashComments(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const pattern = /^[ \t]*(#[^\r\n]*)/gm;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + match[0].length - match[1].length;
    ranges.push({ start, end: start + match[1].length });
  }
  return ranges;
}
