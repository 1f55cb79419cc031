/** One sample line of the text format: `name{label="value",…} value [timestamp]`. */
export interface SampleLine {
  name: string;
  labels: Record<string, string>;
  value: number;
  /** Epoch ms, when the line has one. */
  timestamp?: number;
}

/** A metric name at the start of the text. */
export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL_VALUES: Record<string, number> = { nan: NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity };
const TIMESTAMP = /^-?\d+$/;

/**
 * Parses one sample line strictly, as Prometheus's own parser does: label values with
 * `\\`, `\"` and `\n` escapes, an optional trailing comma, Go float syntax for the value
 * (`NaN`, `+Inf`, `1.5e-3`) and an optional integer timestamp. Throws an `Error` whose
 * message says what was expected where.
 */
export function parseSampleLine(line: string): SampleLine {
  const cursor = new Cursor(line);
  const name = cursor.take(METRIC_NAME);
  if (name === undefined) throw new Error(`expected a metric name${cursor.got()}`);
  cursor.skipBlanks();
  const labels = cursor.peek() === '{' ? parseLabels(cursor) : {};
  const tokens = line.slice(cursor.pos).trim().split(/[ \t]+/).filter((token) => token !== '');
  if (tokens.length === 0) throw new Error(`expected a value after ${name}`);
  if (tokens.length > 2) throw new Error(`expected a value and an optional timestamp, got ${tokens.length} fields after ${name}`);
  const [valueText = '', timestampText] = tokens;
  const sample: SampleLine = { name, labels, value: parseValue(valueText) };
  if (timestampText !== undefined) {
    if (!TIMESTAMP.test(timestampText)) throw new Error(`expected a timestamp in milliseconds, got "${timestampText}"`);
    sample.timestamp = Number(timestampText);
  }
  return sample;
}

/** A value in Go's float syntax, as the text format specifies. */
export function parseValue(text: string): number {
  const special = SPECIAL_VALUES[text.toLowerCase()];
  if (special !== undefined) return special;
  if (!FLOAT.test(text)) throw new Error(`expected a number as the value, got "${text}"`);
  return Number(text);
}

function parseLabels(cursor: Cursor): Record<string, string> {
  const labels: Record<string, string> = {};
  cursor.expect('{');
  for (;;) {
    cursor.skipBlanks();
    if (cursor.peek() === '}') break;
    const name = cursor.take(LABEL_NAME);
    if (name === undefined) throw new Error(`expected a label name${cursor.got()}`);
    if (name === '__name__') throw new Error('the label name "__name__" is reserved');
    if (Object.hasOwn(labels, name)) throw new Error(`label "${name}" appears twice`);
    cursor.skipBlanks();
    cursor.expect('=');
    cursor.skipBlanks();
    labels[name] = parseLabelValue(cursor);
    cursor.skipBlanks();
    if (cursor.peek() === ',') cursor.pos++;
    else if (cursor.peek() !== '}') throw new Error(`expected "," or "}" after the value of label "${name}"${cursor.got()}`);
  }
  cursor.expect('}');
  return labels;
}

function parseLabelValue(cursor: Cursor): string {
  if (cursor.peek() !== '"') throw new Error(`expected a quoted label value${cursor.got()}`);
  cursor.pos++;
  let value = '';
  for (;;) {
    const char = cursor.next();
    if (char === undefined) throw new Error('unterminated label value: missing the closing quote');
    if (char === '"') return value;
    if (char !== '\\') {
      value += char;
      continue;
    }
    const escaped = cursor.next();
    if (escaped === '\\' || escaped === '"') value += escaped;
    else if (escaped === 'n') value += '\n';
    else throw new Error(`invalid escape "\\${escaped ?? ''}" in a label value (only \\\\, \\" and \\n)`);
  }
}

class Cursor {
  pos = 0;
  constructor(private readonly text: string) {}

  peek(): string | undefined {
    return this.text[this.pos];
  }

  next(): string | undefined {
    return this.text[this.pos++];
  }

  take(pattern: RegExp): string | undefined {
    const match = pattern.exec(this.text.slice(this.pos))?.[0];
    if (match !== undefined) this.pos += match.length;
    return match;
  }

  skipBlanks(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  expect(char: string): void {
    if (this.peek() !== char) throw new Error(`expected "${char}"${this.got()}`);
    this.pos++;
  }

  /** `, got "x"` for the character at the cursor, or `, got the end of the line`. */
  got(): string {
    const char = this.peek();
    return char === undefined ? ', got the end of the line' : `, got "${char}"`;
  }
}
