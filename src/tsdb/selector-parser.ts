import { InvalidRequestError } from '../errors.js';
import type { LabelMatcher } from './tsdb.js';
import { SeriesSelector } from './internal/series-selector.js';

const NAME_START = /[a-zA-Z_:]/;
const NAME_PART = /[a-zA-Z0-9_:]/;
const LABEL_START = /[a-zA-Z_]/;
const LABEL_PART = /[a-zA-Z0-9_]/;
const ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'", '`': '`',
};

/**
 * Parses a PromQL series selector such as `http_requests_total{job="api",status=~"5.."}`
 * into label matchers (the metric name becomes `__name__="…"`). Strings are quoted with
 * `"`, `'` (Go escapes) or backticks (raw). Throws `InvalidRequestError` naming the column.
 */
export function parseSelector(text: string): LabelMatcher[] {
  const p = new Cursor(text);
  const matchers: LabelMatcher[] = [];
  p.skipSpace();
  const name = p.word(NAME_START, NAME_PART);
  if (name) matchers.push({ name: '__name__', op: '=', value: name });
  p.skipSpace();
  if (p.accept('{')) {
    p.skipSpace();
    while (!p.accept('}')) {
      matchers.push(parseMatcher(p));
      p.skipSpace();
      if (!p.accept(',')) {
        p.expect('}', 'expected "," or "}"');
        break;
      }
      p.skipSpace();
    }
  }
  p.skipSpace();
  if (!p.atEnd) p.fail('unexpected text after the selector');
  validate(text, matchers, Boolean(name));
  return matchers;
}

function parseMatcher(p: Cursor): LabelMatcher {
  const name = p.word(LABEL_START, LABEL_PART);
  if (!name) p.fail('expected a label name');
  p.skipSpace();
  const op = (['=~', '!~', '!=', '='] as const).find((o) => p.accept(o));
  if (!op) p.fail('expected one of =, !=, =~, !~');
  p.skipSpace();
  return { name, op, value: p.string() };
}

function validate(text: string, matchers: LabelMatcher[], hasName: boolean): void {
  if (hasName && matchers.filter((m) => m.name === '__name__').length > 1) {
    throw new InvalidRequestError(`invalid selector ${JSON.stringify(text)}: the metric name is set twice`);
  }
  // Same rule as Prometheus: a selector that matches the empty label set would select every series.
  if (new SeriesSelector(matchers).matches('', {})) {
    throw new InvalidRequestError(
      `invalid selector ${JSON.stringify(text)}: give a metric name or at least one matcher that does not match ""`,
    );
  }
}

class Cursor {
  private pos = 0;

  constructor(private readonly text: string) {}

  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  skipSpace(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  accept(token: string): boolean {
    if (!this.text.startsWith(token, this.pos)) return false;
    this.pos += token.length;
    return true;
  }

  expect(token: string, message: string): void {
    if (!this.accept(token)) this.fail(message);
  }

  word(start: RegExp, part: RegExp): string {
    const from = this.pos;
    if (!start.test(this.text[this.pos] ?? '')) return '';
    while (part.test(this.text[this.pos] ?? '')) this.pos++;
    return this.text.slice(from, this.pos);
  }

  string(): string {
    const quote = this.text[this.pos];
    if (quote !== '"' && quote !== "'" && quote !== '`') this.fail('expected a quoted string');
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.text[this.pos++];
      if (c === undefined) this.fail('unterminated string');
      if (c === quote) return out;
      out += c === '\\' && quote !== '`' ? this.escape() : c;
    }
  }

  private escape(): string {
    const c = this.text[this.pos++] ?? '';
    if (c in ESCAPES) return ESCAPES[c] as string;
    const digits = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
    const hex = this.text.slice(this.pos, this.pos + digits);
    if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) this.fail(`invalid escape \\${c}`);
    this.pos += digits;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) this.fail(`invalid escape \\${c}${hex}`);
    return String.fromCodePoint(code);
  }

  fail(message: string): never {
    throw new InvalidRequestError(`invalid selector ${JSON.stringify(this.text)} at column ${this.pos + 1}: ${message}`);
  }
}
