/**
 * A syntax check for java.util.regex.Pattern, written by hand because the regex libraries on npm
 * (regexpp, refa) parse ECMAScript, which accepts things Java rejects (`a{1`) and rejects things
 * Java accepts (`\Q…\E`, `(?i)`, `[a-z&&[^x]]`, possessive quantifiers). Messages follow Java's
 * PatternSyntaxException descriptions so users can search for them. It only parses: no regex
 * from a user file is ever executed.
 */
export interface RegexSyntaxError {
  message: string;
  /** Index in the pattern where Java reports the error. */
  index: number;
}

const VALID_LETTER_ESCAPES = new Set('tnrfaedDsSwWbBAGZzhHvVRXN'.split(''));
const INLINE_FLAGS = new Set('idmsuxU'.split(''));
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isHex = (ch: string | undefined): boolean => ch !== undefined && /^[0-9a-fA-F]$/.test(ch);
const isLetter = (ch: string): boolean => /^[a-zA-Z]$/.test(ch);

class Fail extends Error {
  constructor(readonly syntax: RegexSyntaxError) {
    super(syntax.message);
  }
}

class JavaRegexChecker {
  private i = 0;
  private depth = 0;

  constructor(private readonly src: string) {}

  check(): void {
    this.alternation();
    if (this.i < this.src.length) {
      // Only an unmatched ')' can stop the top-level alternation early.
      this.fail("Unmatched closing ')'", this.i - 1 < 0 ? 0 : this.i);
    }
  }

  private fail(message: string, index = this.i): never {
    throw new Fail({ message, index });
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.i + offset];
  }

  private alternation(): void {
    this.sequence();
    while (this.peek() === '|') {
      this.i++;
      this.sequence();
    }
  }

  private sequence(): void {
    let canQuantify = false;
    while (this.i < this.src.length) {
      const ch = this.src[this.i];
      if (ch === '|') return;
      if (ch === ')') {
        if (this.depth === 0) this.fail("Unmatched closing ')'");
        return;
      }
      if (ch === '*' || ch === '+' || ch === '?') {
        if (!canQuantify) this.fail(`Dangling meta character '${ch}'`);
        this.i++;
        this.quantifierSuffix();
        canQuantify = false;
        continue;
      }
      if (ch === '{') {
        if (!canQuantify) this.fail('Illegal repetition');
        this.countedClosure();
        canQuantify = false;
        continue;
      }
      canQuantify = this.atom();
    }
  }

  private quantifierSuffix(): void {
    if (this.peek() === '?' || this.peek() === '+') this.i++;
  }

  private countedClosure(): void {
    const start = this.i;
    this.i++; // '{'
    if (!isDigit(this.peek())) this.fail('Illegal repetition', start);
    let min = '';
    while (isDigit(this.peek())) min += this.src[this.i++];
    let max: string | undefined;
    if (this.peek() === ',') {
      this.i++;
      max = '';
      while (isDigit(this.peek())) max += this.src[this.i++];
    }
    if (this.peek() !== '}') this.fail('Unclosed counted closure');
    this.i++;
    if (max !== undefined && max !== '' && Number(max) < Number(min)) this.fail('Illegal repetition range', start);
    this.quantifierSuffix();
  }

  /** Parses one atom; returns whether a quantifier may follow it. */
  private atom(): boolean {
    const ch = this.src[this.i];
    if (ch === '(') {
      this.group();
      return true;
    }
    if (ch === '[') {
      this.characterClass();
      return true;
    }
    if (ch === '\\') return this.escape(false);
    this.i++;
    return true;
  }

  private group(): void {
    const open = this.i;
    this.i++;
    let inlineFlagsOnly = false;
    if (this.peek() === '?') {
      this.i++;
      const kind = this.peek();
      if (kind === ':' || kind === '=' || kind === '!' || kind === '>') {
        this.i++;
      } else if (kind === '<') {
        this.i++;
        if (this.peek() === '=' || this.peek() === '!') {
          this.i++;
        } else {
          const nameStart = this.i;
          while (this.peek() !== undefined && /[a-zA-Z0-9]/.test(this.peek() as string)) this.i++;
          if (this.i === nameStart || !isLetter(this.src[nameStart])) this.fail('capturing group name does not start with a Latin letter', nameStart);
          if (this.peek() !== '>') this.fail('named capturing group is missing trailing \'>\'');
          this.i++;
        }
      } else {
        let sawFlag = false;
        while (this.peek() !== undefined && (INLINE_FLAGS.has(this.peek() as string) || this.peek() === '-')) {
          sawFlag = true;
          this.i++;
        }
        if (this.peek() === ')') {
          if (!sawFlag) this.fail('Unknown inline modifier');
          this.i++;
          inlineFlagsOnly = true;
        } else if (this.peek() === ':' && sawFlag) {
          this.i++;
        } else {
          this.fail(this.peek() === undefined ? 'Unknown group type' : 'Unknown inline modifier');
        }
      }
    }
    if (inlineFlagsOnly) return;
    this.depth++;
    this.alternation();
    this.depth--;
    if (this.peek() !== ')') this.fail('Unclosed group', this.src.length > open ? this.src.length : open);
    this.i++;
  }

  private characterClass(): void {
    const open = this.i;
    this.i++;
    if (this.peek() === '^') this.i++;
    let first = true;
    let previousSingle: number | undefined; // code point of the last single char, for ranges
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) this.fail('Unclosed character class', this.src.length - 1 < open ? open : this.src.length - 1);
      if (ch === ']' && !first) {
        this.i++;
        return;
      }
      first = false;
      if (ch === '[') {
        this.characterClass();
        previousSingle = undefined;
        continue;
      }
      if (ch === '&' && this.peek(1) === '&') {
        this.i += 2;
        previousSingle = undefined;
        continue;
      }
      if (ch === '-' && previousSingle !== undefined && this.peek(1) !== undefined && this.peek(1) !== ']') {
        const rangeStart = this.i - 1;
        this.i++;
        const end = this.classChar();
        if (end === undefined) this.fail('Illegal character range', rangeStart);
        if (end < previousSingle) this.fail('Illegal character range', rangeStart);
        previousSingle = undefined;
        continue;
      }
      previousSingle = this.classChar();
    }
  }

  /** One member of a class; returns its code point when it is a single character. */
  private classChar(): number | undefined {
    const ch = this.src[this.i];
    if (ch === '\\') {
      const start = this.i;
      const single = this.escape(true);
      if (!single) return undefined;
      return this.escapedCodePoint(start);
    }
    if (ch === '[') {
      this.characterClass();
      return undefined;
    }
    const cp = this.src.codePointAt(this.i) as number;
    this.i += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private escapedCodePoint(start: number): number | undefined {
    const body = this.src.slice(start + 1, this.i);
    const simple: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, a: 7, e: 27 };
    if (body.length === 1) return simple[body] ?? body.codePointAt(0);
    if (body[0] === 'x' && body[1] === '{') return parseInt(body.slice(2, -1), 16);
    if (body[0] === 'x' || body[0] === 'u') return parseInt(body.slice(1), 16);
    if (body[0] === '0') return parseInt(body.slice(1), 8);
    return undefined;
  }

  /**
   * Parses an escape starting at '\'. Returns whether it denotes a single character (inside a
   * class) or a quantifiable atom (outside).
   */
  private escape(inClass: boolean): boolean {
    const start = this.i;
    this.i++;
    const ch = this.peek();
    if (ch === undefined) this.fail('Unexpected internal error', start);
    this.i++;
    if (ch === 'Q') {
      const end = this.src.indexOf('\\E', this.i);
      this.i = end < 0 ? this.src.length : end + 2;
      return !inClass;
    }
    if (ch === 'E') return false;
    if (isDigit(ch)) {
      if (ch === '0') {
        let digits = 0;
        while (digits < 3 && this.peek() !== undefined && /[0-7]/.test(this.peek() as string)) {
          this.i++;
          digits++;
        }
        if (digits === 0) this.fail('Illegal octal escape sequence', start);
        return true;
      }
      if (inClass) this.fail('Illegal/unsupported escape sequence', start);
      while (isDigit(this.peek())) this.i++;
      return true;
    }
    if (ch === 'x') {
      if (this.peek() === '{') {
        const close = this.src.indexOf('}', this.i);
        const hex = close < 0 ? '' : this.src.slice(this.i + 1, close);
        if (close < 0 || hex === '' || !/^[0-9a-fA-F]+$/.test(hex) || parseInt(hex, 16) > 0x10ffff) this.fail('Illegal hexadecimal escape sequence', start);
        this.i = close + 1;
        return true;
      }
      if (!isHex(this.peek()) || !isHex(this.peek(1))) this.fail('Illegal hexadecimal escape sequence', start);
      this.i += 2;
      return true;
    }
    if (ch === 'u') {
      for (let k = 0; k < 4; k++) if (!isHex(this.peek(k))) this.fail('Illegal Unicode escape sequence', start);
      this.i += 4;
      return true;
    }
    if (ch === 'c') {
      if (this.peek() === undefined) this.fail('Illegal control escape sequence', start);
      this.i++;
      return true;
    }
    if (ch === 'p' || ch === 'P') {
      if (this.peek() === '{') {
        const close = this.src.indexOf('}', this.i);
        if (close < 0) this.fail('Unclosed character family', start);
        if (close === this.i + 1) this.fail('Empty character family', start);
        this.i = close + 1;
      } else if (this.peek() !== undefined && isLetter(this.peek() as string)) {
        this.i++;
      } else {
        this.fail('Illegal character family', start);
      }
      return !inClass;
    }
    if (ch === 'k') {
      if (inClass || this.peek() !== '<') this.fail('\\k is not followed by \'<\' for named capturing group', start);
      const close = this.src.indexOf('>', this.i);
      if (close < 0) this.fail('named capturing group is missing trailing \'>\'', start);
      this.i = close + 1;
      return true;
    }
    if (ch === 'N') {
      if (this.peek() !== '{' || this.src.indexOf('}', this.i) < 0) this.fail('Illegal character name escape sequence', start);
      this.i = this.src.indexOf('}', this.i) + 1;
      return true;
    }
    if (ch === 'b' && this.peek() === '{') {
      const close = this.src.indexOf('}', this.i);
      if (close < 0) this.fail('Unclosed \\b{...} boundary', start);
      this.i = close + 1;
      return false;
    }
    if (isLetter(ch)) {
      if (!VALID_LETTER_ESCAPES.has(ch)) this.fail('Illegal/unsupported escape sequence', start);
      if (inClass) return 'tnrfae'.includes(ch);
      return !'bBAGZz'.includes(ch);
    }
    return true; // any other escaped character is itself
  }
}

/** Returns the first syntax error Java's Pattern.compile would report, or undefined. */
export function checkJavaRegex(pattern: string): RegexSyntaxError | undefined {
  try {
    new JavaRegexChecker(pattern).check();
    return undefined;
  } catch (error) {
    if (error instanceof Fail) return error.syntax;
    return { message: `Cannot analyse this pattern (${(error as Error).message})`, index: 0 };
  }
}
