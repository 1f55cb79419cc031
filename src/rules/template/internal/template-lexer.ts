/**
 * Tokens of Go's text/template, as its lexer cuts them: text between actions, and inside
 * `{{ }}` fields, variables, literals, keywords and punctuation. `{{- ` and ` -}}` trim
 * the neighbouring whitespace; comments are dropped. A lexical error ends the stream.
 */
export type TokenType =
  | 'text' | 'leftDelim' | 'rightDelim' | 'leftParen' | 'rightParen' | 'space' | 'pipe' | 'declare' | 'assign'
  | 'field' | 'variable' | 'identifier' | 'keyword' | 'dot' | 'string' | 'rawString' | 'char' | 'charConstant'
  | 'number' | 'bool' | 'nil' | 'eof' | 'error';

/** One token, with where it starts for error messages. */
export interface Token {
  type: TokenType;
  value: string;
  /** Offset in the template text. */
  pos: number;
  line: number;
}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);
const ACTION_SPACE = /[ \t\r\n]/;
const TRIM_SPACE = /[\s]/;
const ALPHANUMERIC = /[\p{L}\p{Nd}_]/u;

/** Splits `text` into tokens; the last one is `eof` or `error`. */
export function lexTemplate(text: string): Token[] {
  return new Lexer(text).run();
}

class Lexer {
  private readonly tokens: Token[] = [];
  private pos = 0;
  private start = 0;
  private parenDepth = 0;

  constructor(private readonly input: string) {}

  run(): Token[] {
    while (this.lexText()) {
      if (!this.lexAction()) break;
    }
    return this.tokens;
  }

  /** Emits text up to the next `{{`; false at the end of the input. */
  private lexText(): boolean {
    const open = this.input.indexOf('{{', this.pos);
    const end = open < 0 ? this.input.length : open;
    const trim = open >= 0 && this.input[open + 2] === '-' && ACTION_SPACE.test(this.input[open + 3] ?? '');
    let textEnd = end;
    if (trim) while (textEnd > this.pos && TRIM_SPACE.test(this.input[textEnd - 1] as string)) textEnd--;
    if (textEnd > this.pos) this.push('text', this.pos, textEnd);
    if (open < 0) {
      this.push('eof', this.input.length, this.input.length);
      return false;
    }
    this.pos = open + 2 + (trim ? 2 : 0);
    this.start = open;
    return true;
  }

  /** Lexes one action (or comment) after `{{`; false after an error. */
  private lexAction(): boolean {
    if (this.input.startsWith('/*', this.pos)) return this.lexComment();
    this.push('leftDelim', this.start, this.pos);
    this.parenDepth = 0;
    for (;;) {
      const close = this.atRightDelim();
      if (close !== undefined) {
        if (this.parenDepth > 0) return this.fail('unclosed left paren');
        this.push('rightDelim', this.pos, close.end);
        this.pos = close.end;
        if (close.trim) this.skipTrimSpace();
        return true;
      }
      if (!this.lexInsideAction()) return false;
    }
  }

  private lexComment(): boolean {
    const close = this.input.indexOf('*/', this.pos + 2);
    if (close < 0) return this.fail('unclosed comment');
    this.pos = close + 2;
    const delim = this.atRightDelim();
    if (delim === undefined) return this.fail('comment ends before closing delimiter');
    this.pos = delim.end;
    if (delim.trim) this.skipTrimSpace();
    return true;
  }

  private atRightDelim(): { end: number; trim: boolean } | undefined {
    if (this.input.startsWith('}}', this.pos)) return { end: this.pos + 2, trim: false };
    if (ACTION_SPACE.test(this.input[this.pos] ?? '') && this.input.startsWith('-}}', this.pos + 1)) return { end: this.pos + 4, trim: true };
    return undefined;
  }

  private skipTrimSpace(): void {
    while (this.pos < this.input.length && TRIM_SPACE.test(this.input[this.pos] as string)) this.pos++;
  }

  private lexInsideAction(): boolean {
    const start = this.pos;
    const c = this.input[start];
    if (c === undefined) return this.fail('unclosed action');
    if (ACTION_SPACE.test(c)) return this.lexSpace();
    const single: Record<string, TokenType> = { '=': 'assign', '|': 'pipe', '(': 'leftParen', ')': 'rightParen' };
    if (single[c] !== undefined) {
      this.pos++;
      this.parenDepth += c === '(' ? 1 : c === ')' ? -1 : 0;
      if (this.parenDepth < 0) return this.fail(`unexpected right paren U+0029 ')'`);
      return this.push(single[c] as TokenType, start, this.pos);
    }
    if (c === ':') {
      if (this.input[start + 1] !== '=') return this.fail('expected :=', start + 1);
      this.pos += 2;
      return this.push('declare', start, this.pos);
    }
    if (c === '"' || c === '`' || c === "'") return this.lexQuoted(c);
    if (c === '$') return this.lexFieldOrVariable('variable');
    if (c === '.' && !/[0-9]/.test(this.input[start + 1] ?? '')) return this.lexFieldOrVariable('field');
    if (c === '.' || c === '+' || c === '-' || /[0-9]/.test(c)) return this.lexNumber();
    if (ALPHANUMERIC.test(c)) return this.lexIdentifier();
    if (c.charCodeAt(0) < 0x7f && c.charCodeAt(0) >= 0x20) {
      this.pos++;
      return this.push('char', start, this.pos);
    }
    return this.fail(`unrecognized character in action: ${describeRune(c)}`);
  }

  private lexSpace(): boolean {
    const start = this.pos;
    while (ACTION_SPACE.test(this.input[this.pos] ?? '')) this.pos++;
    // A lone space before "-}}" belongs to the trim marker, not to the action.
    if (this.input.startsWith('-}}', this.pos)) {
      this.pos--;
      if (this.pos === start) return true;
    }
    return this.push('space', start, this.pos);
  }

  private lexQuoted(quote: string): boolean {
    const start = this.pos;
    const type: TokenType = quote === '"' ? 'string' : quote === '`' ? 'rawString' : 'charConstant';
    for (let i = start + 1; ; i++) {
      const c = this.input[i];
      if (c === undefined || (c === '\n' && quote !== '`')) {
        return this.fail(quote === '"' ? 'unterminated quoted string' : quote === '`' ? 'unterminated raw quoted string' : 'unterminated character constant');
      }
      if (c === '\\' && quote !== '`') {
        i++;
        if (this.input[i] === '\n') return this.fail(quote === '"' ? 'unterminated quoted string' : 'unterminated character constant');
        continue;
      }
      if (c === quote) {
        this.pos = i + 1;
        return this.push(type, start, this.pos);
      }
    }
  }

  private lexFieldOrVariable(type: 'field' | 'variable'): boolean {
    const start = this.pos;
    this.pos++;
    if (this.atTerminator()) return this.push(type === 'variable' ? 'variable' : 'dot', start, this.pos);
    while (ALPHANUMERIC.test(this.input[this.pos] ?? '')) this.pos++;
    if (!this.atTerminator()) return this.fail(`bad character ${describeRune(this.input[this.pos] as string)}`);
    return this.push(type, start, this.pos);
  }

  private lexIdentifier(): boolean {
    const start = this.pos;
    while (ALPHANUMERIC.test(this.input[this.pos] ?? '')) this.pos++;
    if (!this.atTerminator()) return this.fail(`bad character ${describeRune(this.input[this.pos] as string)}`);
    const word = this.input.slice(start, this.pos);
    const type: TokenType = KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'identifier';
    return this.push(type, start, this.pos);
  }

  /** Go's `scanNumber`: a sign, a base prefix, digits of that base, a fraction, an exponent. */
  private lexNumber(): boolean {
    const start = this.pos;
    const text = this.input.slice(start);
    const prefix = /^[+-]?(?:0[xX]|0[oO]|0[bB])?/.exec(text)?.[0] ?? '';
    const base = /[xX]$/.test(prefix) ? 'hex' : /[oObB]$/.test(prefix) ? 'other' : 'decimal';
    const digits = base === 'hex' ? '[0-9a-fA-F_]*' : '[0-9_]*';
    const exponent = base === 'hex' ? '(?:[pP][+-]?[0-9_]*)?' : base === 'decimal' ? '(?:[eE][+-]?[0-9_]*)?' : '';
    const match = new RegExp(`^${digits}(?:\\.${digits})?${exponent}i?`).exec(text.slice(prefix.length)) as RegExpExecArray;
    this.pos += prefix.length + match[0].length;
    const next = this.input[this.pos] ?? '';
    if (prefix.length + match[0].length === 0 || ALPHANUMERIC.test(next) || next === '+' || next === '-') {
      if (this.pos < this.input.length) this.pos++;
      return this.fail(`bad number syntax: ${JSON.stringify(this.input.slice(start, this.pos))}`);
    }
    return this.push('number', start, this.pos);
  }

  private atTerminator(): boolean {
    const c = this.input[this.pos];
    if (c === undefined || ACTION_SPACE.test(c) || '.,|:()'.includes(c)) return true;
    return this.input.startsWith('}}', this.pos);
  }

  private push(type: TokenType, start: number, end: number): true {
    this.tokens.push({ type, value: this.input.slice(start, end), pos: start, line: this.lineAt(start) });
    return true;
  }

  private fail(message: string, at = this.pos): false {
    this.tokens.push({ type: 'error', value: message, pos: at, line: this.lineAt(at) });
    return false;
  }

  private lineAt(pos: number): number {
    let line = 1;
    for (let i = this.input.indexOf('\n'); i >= 0 && i < pos; i = this.input.indexOf('\n', i + 1)) line++;
    return line;
  }
}

/** `%#U` of a character: `U+0021 '!'`. */
function describeRune(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;
}
