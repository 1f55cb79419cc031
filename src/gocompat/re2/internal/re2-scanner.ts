/**
 * Reading RE2 (Go `regexp/syntax`, Perl flags) source one code point at a time, and
 * writing JavaScript `u`-mode regex source. Shared by the translator and its
 * bracket-class parser.
 */
import { Re2SyntaxError } from '../re2-syntax-error.js';

/** A cursor over the pattern's code points. */
export class Re2Scanner {
  pos = 0;

  constructor(readonly source: string) {}

  get done(): boolean {
    return this.pos >= this.source.length;
  }

  /** The code point at the cursor (or `offset` code units further), -1 past the end. */
  peek(offset = 0): number {
    return this.source.codePointAt(this.pos + offset) ?? -1;
  }

  startsWith(text: string): boolean {
    return this.source.startsWith(text, this.pos);
  }

  next(): number {
    const cp = this.peek();
    if (cp < 0) throw new Re2SyntaxError('unexpected end of pattern');
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /**
   * An escape after `\` that stands for one character: octal, `\x..`, `\x{..}`, the
   * C escapes, or escaped punctuation. The backslash is already consumed.
   */
  escapedChar(): number {
    if (this.done) throw new Re2SyntaxError('trailing backslash at end of expression');
    const c = this.next();
    if (c >= 0x31 && c <= 0x37 && !isOctal(this.peek())) {
      throw new Re2SyntaxError(`invalid escape sequence: \`\\${String.fromCodePoint(c)}\` (backreferences are not supported)`);
    }
    if (c >= 0x30 && c <= 0x37) {
      let value = c - 0x30;
      for (let i = 1; i < 3 && isOctal(this.peek()); i++) value = value * 8 + this.next() - 0x30;
      return value;
    }
    if (c === 0x78) return this.hexEscape();
    const simple = C_ESCAPES.get(c);
    if (simple !== undefined) return simple;
    // Go treats any escaped ASCII non-alphanumeric as itself, `\_` included.
    if (c < 0x80 && !isAlphanumeric(c)) return c;
    throw new Re2SyntaxError(`invalid escape sequence: \`\\${String.fromCodePoint(c)}\``);
  }

  private hexEscape(): number {
    if (this.peek() === 0x7b) {
      const end = this.source.indexOf('}', this.pos);
      const digits = end < 0 ? '' : this.source.slice(this.pos + 1, end);
      const value = /^[0-9a-fA-F]+$/.test(digits) ? Number.parseInt(digits, 16) : NaN;
      if (!(value <= 0x10ffff)) throw new Re2SyntaxError('invalid escape sequence: `\\x{`');
      this.pos = end + 1;
      return value;
    }
    const digits = this.source.slice(this.pos, this.pos + 2);
    if (!/^[0-9a-fA-F]{2}$/.test(digits)) throw new Re2SyntaxError('invalid escape sequence: `\\x`');
    this.pos += 2;
    return Number.parseInt(digits, 16);
  }
}

const C_ESCAPES = new Map([
  [0x61, 0x07], [0x66, 0x0c], [0x6e, 0x0a], [0x72, 0x0d], [0x74, 0x09], [0x76, 0x0b],
]);

function isOctal(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x37;
}

function isAlphanumeric(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

const SYNTAX_CHARS = new Set('^$\\.*+?()[]{}|/'.split('').map((c) => c.codePointAt(0) as number));
const DASH = 0x2d;

/** A code point as JavaScript `u`-mode source, escaped where it would be syntax. */
export function jsLiteral(cp: number, inClass: boolean): string {
  if (SYNTAX_CHARS.has(cp) || (inClass && cp === DASH)) return `\\${String.fromCodePoint(cp)}`;
  if (cp > 0x20 && cp < 0x7f) return String.fromCodePoint(cp);
  return `\\u{${cp.toString(16)}}`;
}

const CASED = /\p{Changes_When_Casemapped}/u;

/** Whether a code point has other-case forms, i.e. `(?i)` changes what it matches. */
export function isCased(cp: number): boolean {
  return CASED.test(String.fromCodePoint(cp));
}

/**
 * The code point and its single-character upper- and lower-case forms. Used only to
 * spell out case-insensitivity inside a case-sensitive pattern; rarer simple case
 * foldings (ß and ẞ, k and the Kelvin sign) are not followed there.
 */
export function caseVariants(cp: number): number[] {
  const variants = [cp];
  const char = String.fromCodePoint(cp);
  for (const other of [char.toLowerCase(), char.toUpperCase()]) {
    const otherCp = other.codePointAt(0) as number;
    if (other.length === String.fromCodePoint(otherCp).length && !variants.includes(otherCp)) variants.push(otherCp);
  }
  return variants;
}
