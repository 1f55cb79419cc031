import { PromqlParseError } from '../../errors.js';
import { unquotePromql } from '../../gocompat/index.js';
import type { Metric } from '../../promql/index.js';

const METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const STRING = /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`)/;

/**
 * A series as test files write it (`series:` and `exp_samples[].labels`):
 * `name{label="value", …}`, `name`, `{__name__="name"}` or `{}`; only `=` pairs, with
 * PromQL string quoting. The empty text is the empty label set, as in promtool. Throws
 * `PromqlParseError` with the offset of the problem.
 */
export function parseSeriesLabels(text: string): Metric {
  const metric: Record<string, string> = {};
  let pos = skipSpace(text, 0);
  const name = METRIC.exec(text.slice(pos));
  if (name) {
    metric.__name__ = name[0];
    pos = skipSpace(text, pos + name[0].length);
  }
  if (pos < text.length) {
    if (text[pos] !== '{') fail(`unexpected ${JSON.stringify(text.slice(pos, pos + 10))}; expected a metric name or "{"`, pos);
    pos = skipSpace(text, readLabels(text, pos + 1, metric));
    if (pos < text.length) fail(`unexpected ${JSON.stringify(text.slice(pos, pos + 10))} after the labels`, pos);
  }
  return metric;
}

/** Reads `label="value", …}` into `metric`; returns the offset after the `}`. */
function readLabels(text: string, start: number, metric: Record<string, string>): number {
  let pos = skipSpace(text, start);
  while (text[pos] !== '}') {
    const label = LABEL.exec(text.slice(pos));
    if (!label) return fail(pos >= text.length ? 'missing "}" at the end of the labels' : 'expected a label name', pos);
    const labelAt = pos;
    pos = skipSpace(text, pos + label[0].length);
    if (text[pos] !== '=' || text[pos + 1] === '~' || text[pos + 1] === '=') fail(`expected "=" after ${label[0]} (a series has exact label values, no matchers)`, pos);
    pos = skipSpace(text, pos + 1);
    const quoted = STRING.exec(text.slice(pos));
    const value = quoted ? unquotePromql(quoted[0]) : undefined;
    if (!quoted || value === undefined) return fail(`expected a quoted value for ${label[0]}`, pos);
    if (label[0] in metric) fail(`label ${label[0]} is given twice`, labelAt);
    metric[label[0]] = value;
    pos = skipSpace(text, pos + quoted[0].length);
    if (text[pos] === ',') pos = skipSpace(text, pos + 1);
    else if (text[pos] !== '}') fail(pos >= text.length ? 'missing "}" at the end of the labels' : 'expected "," or "}"', pos);
  }
  return pos + 1;
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos] as string)) pos++;
  return pos;
}

function fail(message: string, offset: number): never {
  throw new PromqlParseError(message, offset);
}
