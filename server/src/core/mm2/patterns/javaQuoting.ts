// Java's own preprocessing step, kept apart from the parser because it rewrites the source text first.
/**
 * Pattern.RemoveQEQuoting: before parsing, Java rewrites every `\Q…\E` into escaped characters
 * (letters as they are, a digit that opens the quote as `\x3<digit>`, other ASCII with a
 * backslash), so a quantifier after `\E` repeats the last quoted character, and `\c\Q…` takes the
 * first quoted character as its control character. `origin[k]` is where text[k] came from.
 */
export function removeQuoting(src: string): { text: string; origin: number[] } {
  let i = 0;
  while (i < src.length - 1) {
    if (src[i] !== '\\') i += 1;
    else if (src[i + 1] !== 'Q') i += 2;
    else break;
  }
  if (i >= src.length - 1) return { text: src, origin: [] };
  const out: string[] = [];
  const origin: number[] = [];
  const emit = (text: string, from: number): void => {
    for (const ch of text) {
      out.push(ch);
      origin.push(from);
    }
  };
  for (let k = 0; k < i; k++) emit(src[k], k);
  i += 2;
  let inQuote = true;
  let beginQuote = true;
  while (i < src.length) {
    const at = i;
    const c = src[i++];
    const ascii = c.charCodeAt(0) < 128;
    if (!ascii || /[a-zA-Z]/.test(c)) {
      emit(c, at);
    } else if (/[0-9]/.test(c)) {
      emit(beginQuote ? `\\x3${c}` : c, at);
    } else if (c !== '\\') {
      emit(inQuote ? `\\${c}` : c, at);
    } else if (inQuote) {
      if (src[i] === 'E') {
        i++;
        inQuote = false;
      } else {
        emit('\\\\', at);
      }
    } else if (src[i] === 'Q') {
      i++;
      inQuote = true;
      beginQuote = true;
      continue;
    } else {
      emit(c, at);
      if (i !== src.length) emit(src[i], i++);
    }
    beginQuote = false;
  }
  return { text: out.join(''), origin };
}
