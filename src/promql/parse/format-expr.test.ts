import { describe, expect, it } from 'vitest';
import type { Expr } from '../ast.js';
import { formatExpr } from './format-expr.js';
import { parseExpr } from './parse-expr.js';
import { strip } from './testing/expr-builders.js';

const span = { start: 0, end: 0 };
const number = (value: number): Expr => ({ kind: 'number', value, span });

describe('formatExpr', () => {
  it.each([
    ['sum(x)by(job)', 'sum by (job) (x)'],
    ['sum without(a,b)(x)', 'sum without (a, b) (x)'],
    ['topk(3,x)', 'topk(3, x)'],
    ['a*on(x)group_left(y)b', 'a * on (x) group_left (y) b'],
    ['a/ignoring(x)group_right b', 'a / ignoring (x) group_right () b'],
    ['a > bool on() b', 'a > bool on () b'],
    ['a + ignoring() group_left b', 'a + ignoring () group_left () b'],
    ['1 + on () a', '1 + a'],
    ['x{b="1",a=~"2"}', 'x{b="1",a=~"2"}'],
    ['{__name__="x"}', '{__name__="x"}'],
    ['x[90d] offset 12w', 'x[90d] offset 12w'],
    ['x[1y2w3d] offset -1h30m', 'x[382d] offset -1h30m'],
    ['x[7d]', 'x[1w]'],
    ['x offset 100ms', 'x offset 100ms'],
    ['-(1)', '-(1)'],
    ['- -a', '--a'],
    ['-2 ^ 2', '-2 ^ 2'],
    ['x - -1', 'x - -1'],
    ["'it\\'s'", '"it\'s"'],
    ['"a\\nb\\x01\\u00e9"', '"a\\nb\\x01é"'],
    ['`\\d+`', '"\\\\d+"'],
  ])('prints %s as %s', (text, printed) => {
    expect(formatExpr(parseExpr(text))).toBe(printed);
  });

  it.each([
    [1_000_000, '1e+06'],
    [123456, '123456'],
    [0.0001, '0.0001'],
    [0.000015, '1.5e-05'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [-2.5, '-2.5'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [NaN, 'NaN'],
    [-0, '-0'],
  ])('spells the number %d like Go', (value, printed) => {
    expect(formatExpr(number(value))).toBe(printed);
  });

  it('prints a zero range as 0s', () => {
    const selector: Expr = { kind: 'vector', name: 'x', matchers: [{ name: '__name__', op: '=', value: 'x' }], offsetMs: 0, span };
    expect(formatExpr({ kind: 'matrix', selector, rangeMs: 0, span })).toBe('x[0s]');
  });
});

describe('formatExpr round-trips', () => {
  it.each([
    'sum by (job) (rate(http_requests_total{job="api",code=~"5.."}[5m])) / on (job) group_left sum by (job) (rate(x[5m]))',
    'histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m] offset -1h)))',
    'a or b and c unless d == bool e + f * g ^ h ^ i % j atan2 k',
    '(a + b) * (c - d) / -(e)',
    '-2 ^ -3 ^ 2 + -x offset 5m',
    'x - x offset 1w > 0 < 100',
    'label_replace(up, "host", "$1", "instance", "(.*):\\\\d+")',
    'label_join(up, "a", ",", "b", "c")',
    'quantile without (instance) (0.9, x) > bool scalar(y)',
    'count(x) by (a) unless on (a) count(y) by (a)',
    'offset + sum offset 1m + by{job="a"}',
    'x{a="\\"\\\\\\n\\t", b=~"\\\\.", c!~`raw`}',
    '0x10 + 010 + 1e3 + .5 + 1. + Inf - NaN',
    'sort_desc(clamp(round(x, 0.5), -Inf, +Inf))',
    'predict_linear(x[1h], 4 * 3600) + quantile_over_time(0.5, y[10m])',
    'time() - timestamp(x) + vector(1) * absent(y) + absent_over_time(z[5m])',
  ])('parses back the printing of %s', (text) => {
    const parsed = parseExpr(text);
    const printed = formatExpr(parsed);
    expect(strip(parseExpr(printed))).toEqual(strip(parsed));
    expect(formatExpr(parseExpr(printed))).toBe(printed);
  });
});
