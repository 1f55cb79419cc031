import { PromqlParseError } from '../../../errors.js';
import { goQuote, goQuoteRune } from '../../../gocompat/index.js';
import { scanQuoted, scanRaw } from './string-literal.js';

/**
 * The tokens of Prometheus 2.42's PromQL lexer. The lezer grammar follows Prometheus 3,
 * whose lexer accepts more (`1_000`, `[5]`, durations as numbers, Unicode spaces), so
 * guardia lexes with 2.42's rules first: lexical errors get 2.42's messages, and the
 * tokens tell the tree builder what 2.42 saw (a number or a duration, a keyword or a name).
 */

export type TokenKind =
  | 'identifier'
  | 'metric-identifier'
  | 'number'
  | 'duration'
  | 'string'
  | 'keyword'
  | 'aggregator'
  | 'operator'
  | 'preprocessor'
  | 'punctuation';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
}

const WORDS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ...['and', 'or', 'unless', 'atan2'].map((w) => [w, 'operator'] as const),
  ...['sum', 'avg', 'count', 'min', 'max', 'group', 'stddev', 'stdvar', 'topk', 'bottomk', 'count_values', 'quantile']
    .map((w) => [w, 'aggregator'] as const),
  ...['offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool']
    .map((w) => [w, 'keyword'] as const),
  ['start', 'preprocessor'],
  ['end', 'preprocessor'],
  ['inf', 'number'],
  ['nan', 'number'],
]);

const DIGITS = '0123456789';
const HEX_DIGITS = '0123456789abcdefABCDEF';
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean =>
  c === '_' || (c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')));
const isAlphaNumeric = (c: string | undefined): boolean => isAlpha(c) || isDigit(c);

/** Splits `text` into tokens (comments and spaces dropped); throws `PromqlParseError` like 2.42's lexer. */
export function lex(text: string): Token[] {
  return new Lexer(text).run();
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private parenDepth = 0;
  private braceOpen = false;
  private bracketOpen = false;
  private gotColon = false;

  constructor(private readonly text: string) {}

  run(): Token[] {
    while (this.braceOpen ? this.insideBraces() : this.statement());
    return this.tokens;
  }

  private emit(kind: TokenKind, start: number): true {
    this.tokens.push({ kind, start, end: this.pos, text: this.text.slice(start, this.pos) });
    return true;
  }

  private fail(message: string, offset: number): never {
    throw new PromqlParseError(message, offset);
  }

  private accept(valid: string): boolean {
    const c = this.text[this.pos];
    if (c === undefined || !valid.includes(c)) return false;
    this.pos++;
    return true;
  }

  private acceptRun(valid: string): void {
    while (this.accept(valid));
  }

  private skipSpaces(): true {
    while (isSpace(this.text[this.pos])) this.pos++;
    return true;
  }

  private skipComment(): true {
    const newline = this.text.indexOf('\n', this.pos);
    this.pos = newline < 0 ? this.text.length : newline;
    return true;
  }

  /** One step outside braces; false at the end of the input. */
  private statement(): boolean {
    const start = this.pos;
    const c = this.text[start];
    if (c === undefined) {
      if (this.parenDepth !== 0) this.fail('unclosed left parenthesis', start);
      if (this.bracketOpen) this.fail('unclosed left bracket', start);
      return false;
    }
    if (c === '#') return this.skipComment();
    if (isSpace(c)) return this.skipSpaces();
    if (isDigit(c) || (c === '.' && isDigit(this.text[start + 1]))) return this.numberOrDuration();
    if (isAlpha(c) || c === ':') return this.bracketOpen ? this.subqueryColon() : this.word();
    this.pos++;
    switch (c) {
      case '"':
      case "'":
        this.pos = scanQuoted(this.text, start);
        return this.emit('string', start);
      case '`':
        this.pos = scanRaw(this.text, start);
        return this.emit('string', start);
      default:
        return this.symbol(c, start);
    }
  }

  private symbol(c: string, start: number): true {
    switch (c) {
      case ',':
        return this.emit('punctuation', start);
      case '*': case '/': case '%': case '+': case '-': case '^': case '@':
        return this.emit('operator', start);
      case '<': case '>':
        this.accept('=');
        return this.emit('operator', start);
      case '=': {
        const next = this.text[this.pos];
        if (next === '~') this.fail(`unexpected character after '=': ${this.quoteRuneAt(this.pos)}`, start);
        return this.accept('=') ? this.emit('operator', start) : this.emit('punctuation', start);
      }
      case '!':
        if (!this.accept('=')) this.fail(`unexpected character after '!': ${this.describeChar(this.pos)}`, start);
        return this.emit('operator', start);
      default:
        return this.bracket(c, start);
    }
  }

  private bracket(c: string, start: number): true {
    switch (c) {
      case '(':
        this.parenDepth++;
        return this.emit('punctuation', start);
      case ')':
        if (--this.parenDepth < 0) this.fail(`unexpected right parenthesis ')'`, start);
        return this.emit('punctuation', start);
      case '{':
        this.braceOpen = true;
        return this.emit('punctuation', start);
      case '[':
        if (this.bracketOpen) this.fail(`unexpected left bracket '['`, start);
        this.gotColon = false;
        this.bracketOpen = true;
        this.emit('punctuation', start);
        this.skipSpaces();
        return this.rangeDuration();
      case ']':
        if (!this.bracketOpen) this.fail(`unexpected right bracket ']'`, start);
        this.bracketOpen = false;
        return this.emit('punctuation', start);
      default:
        return this.fail(`unexpected character: ${this.quoteRuneAt(start)}`, start);
    }
  }

  /** Go's `%q` of the whole character at `at`, an astral one included. */
  private quoteRuneAt(at: number): string {
    return goQuoteRune(this.text.codePointAt(at) as number);
  }

  private describeChar(at: number): string {
    return at >= this.text.length ? 'end of input' : this.quoteRuneAt(at);
  }

  /**
   * Inside `[…]` 2.42 reads any letter as the subquery colon (so `foo[5m x]` is a
   * subquery); the token keeps its text and the tree builder treats it as `:`.
   */
  private subqueryColon(): true {
    const start = this.pos;
    if (this.gotColon) this.fail(`unexpected colon ${this.quoteRuneAt(start)}`, start);
    this.gotColon = true;
    this.pos++;
    return this.emit('punctuation', start);
  }

  private word(): true {
    const start = this.pos;
    while (isAlphaNumeric(this.text[this.pos]) || this.text[this.pos] === ':') this.pos++;
    const text = this.text.slice(start, this.pos);
    const kind = WORDS.get(text.toLowerCase()) ?? (text.includes(':') ? 'metric-identifier' : 'identifier');
    return this.emit(kind, start);
  }

  /** 2.42's `scanNumber`: true when a number ends here (the next character is not alphanumeric). */
  private scanNumber(): boolean {
    let digits = DIGITS;
    if (this.accept('0') && this.accept('xX')) digits = HEX_DIGITS;
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (this.accept('eE')) {
      this.accept('+-');
      this.acceptRun(DIGITS);
    }
    return !isAlphaNumeric(this.text[this.pos]);
  }

  /** After the number part of a duration: its units (`5m`, `1h30m`, `100ms`). */
  private scanUnits(): boolean {
    if (!this.accept('smhdwy')) return false;
    this.accept('s');
    while (this.accept(DIGITS)) {
      this.acceptRun(DIGITS);
      if (!this.accept('smhdw')) return false;
      this.accept('s');
    }
    if (!isAlphaNumeric(this.text[this.pos])) return true;
    this.pos++;
    return false;
  }

  private numberOrDuration(): true {
    const start = this.pos;
    if (this.scanNumber()) return this.emit('number', start);
    if (this.scanUnits()) return this.emit('duration', start);
    return this.fail(`bad number or duration syntax: ${goQuote(this.text.slice(start, this.pos))}`, start);
  }

  /** Right after `[`, 2.42 wants a duration with a unit. */
  private rangeDuration(): true {
    const start = this.pos;
    if (this.scanNumber()) this.fail('missing unit character in duration', start);
    if (!this.scanUnits()) this.fail(`bad duration syntax: ${goQuote(this.text.slice(start, this.pos))}`, start);
    return this.emit('duration', start);
  }

  private insideBraces(): true {
    const start = this.pos;
    const c = this.text[start];
    if (c === undefined) this.fail('unexpected end of input inside braces', start);
    if (c === '#') return this.skipComment();
    if (isSpace(c)) return this.skipSpaces();
    if (isAlpha(c)) {
      while (isAlphaNumeric(this.text[this.pos])) this.pos++;
      return this.emit('identifier', start);
    }
    this.pos++;
    switch (c) {
      case ',':
        return this.emit('punctuation', start);
      case '"':
      case "'":
        this.pos = scanQuoted(this.text, start);
        return this.emit('string', start);
      case '`':
        this.pos = scanRaw(this.text, start);
        return this.emit('string', start);
      case '=':
        return this.accept('~') ? this.emit('operator', start) : this.emit('punctuation', start);
      case '!':
        if (!this.accept('~=')) {
          this.fail(`unexpected character after '!' inside braces: ${this.describeChar(this.pos)}`, start);
        }
        return this.emit('operator', start);
      case '{':
        return this.fail(`unexpected left brace '{'`, start);
      case '}':
        this.braceOpen = false;
        return this.emit('punctuation', start);
      default:
        return this.fail(`unexpected character inside braces: ${this.quoteRuneAt(start)}`, start);
    }
  }
}

/** How Prometheus names a token in `unexpected …` errors: `identifier "foo"`, `<op:+>`, `"("`. */
export function describeToken(token: Token): string {
  const { kind, text } = token;
  switch (kind) {
    case 'identifier':
      return `identifier ${goQuote(text)}`;
    case 'metric-identifier':
      return `metric identifier ${goQuote(text)}`;
    case 'keyword':
      return `<${text}>`;
    case 'aggregator':
      return `<aggr:${text}>`;
    case 'operator':
      return `<op:${text}>`;
    case 'number':
    case 'duration':
    case 'string':
      return `${kind} ${quoteShort(text)}`;
    default:
      return quoteShort(text);
  }
}

/** Go's `%.10q...` for long token texts. */
function quoteShort(text: string): string {
  const chars = [...text];
  return chars.length > 10 ? `${goQuote(chars.slice(0, 10).join(''))}...` : goQuote(text);
}
