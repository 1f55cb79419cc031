import { describe, expect, it } from 'vitest';
import { exprType } from './expr-type.js';
import { parseExpr } from './parse-expr.js';
import { agg, bin, call, eq, matrix, num, paren, re, sel, str, strip, unary, type Bare } from './testing/expr-builders.js';

const a = sel('a'), b = sel('b'), c = sel('c'), d = sel('d'), x = sel('x');
const V = {}; // one-to-one matching with no labels
const SET = { card: 'many-to-many' as const };
const MIN = 60_000, HOUR = 3_600_000;

function tree(text: string): unknown {
  return strip(parseExpr(text));
}

describe('parseExpr', () => {
  const cases: [string, string, Bare][] = [
    ['binds * tighter than +', '1 + 2 * 3', bin('+', num(1), bin('*', num(2), num(3)))],
    ['groups ^ from the right', '2 ^ 3 ^ 2', bin('^', num(2), bin('^', num(3), num(2)))],
    ['groups - from the left', 'a - b - c', bin('-', bin('-', a, b, V), c, V)],
    ['binds unary minus looser than ^ on literals', '-2 ^ 2', unary('-', bin('^', num(2), num(2)))],
    ['binds unary minus looser than ^ on the right of ^', '2 ^ -2 ^ 2', bin('^', num(2), unary('-', bin('^', num(2), num(2))))],
    ['binds unary minus tighter than *', '-a * b', bin('*', unary('-', a), b, V)],
    ['ranks or below and/unless', 'a or b and c unless d', bin('or', a, bin('unless', bin('and', b, c, SET), d, SET), SET)],
    ['ranks comparisons below +', 'a == b + c', bin('==', a, bin('+', b, c, V), V)],
    ['ranks atan2 with *', 'a % 2 atan2 3', bin('atan2', bin('%', a, num(2)), num(3))],
    ['applies offset to the nearest selector', 'x - x offset 1w', bin('-', x, sel('x', [], 168 * HOUR), V)],
    ['applies offset under a unary minus', '-x offset 5m', unary('-', sel('x', [], 5 * MIN))],
    ['puts a range selector offset on its selector', 'x[5m] offset 1h', matrix(sel('x', [], HOUR), 5 * MIN)],
    ['reads negative offsets in calls', 'rate(x[5m] offset -1h30m)', call('rate', matrix(sel('x', [], -90 * MIN), 5 * MIN))],
    ['reads compound durations', 'x[1y2w3d4h5m6s7ms]', matrix(x, 382 * 24 * HOUR + 4 * HOUR + 5 * MIN + 6007)],
    ['reads aggregation keywords as metric names', 'sum offset 5m', sel('sum', [], 5 * MIN)],
    ['reads offset as a metric name', 'offset + offset offset 1m', bin('+', sel('offset'), sel('offset', [], MIN), V)],
    ['reads by as a metric name with matchers', 'by{job="a"}', sel('by', [eq('job', 'a')])],
    ['reads keywords as label names in matchers', 'x{on="1", offset="2", inf="3"}', sel('x', [eq('on', '1'), eq('offset', '2'), eq('inf', '3')])],
    ['reads keywords as grouping labels', 'sum by (on, bool, sum) (x)', agg('sum', x, { by: ['on', 'bool', 'sum'] })],
    ['reads keywords in any case', 'SUM BY (job) (x) AND ON (job) y OFFSET 1m', bin('and', agg('sum', x, { by: ['job'] }), sel('y', [], MIN), { card: 'many-to-many', on: true, labels: ['job'] })],
    ['reads grouping after the body', 'sum(x) by (job)', agg('sum', x, { by: ['job'] })],
    ['keeps an empty without', 'sum without () (x)', agg('sum', x, { without: [] })],
    ['reads the parameter of topk', 'topk by (a) (3, x)', agg('topk', x, { param: num(3), by: ['a'] })],
    ['reads the parameter of quantile', 'quantile without (a) (0.5, x)', agg('quantile', x, { param: num(0.5), without: ['a'] })],
    ['reads Go escapes', String.raw`"a\nb\t\"c\"\\"`, str('a\nb\t"c"\\')],
    ['reads escaped quotes in single quotes', String.raw`'it\'s'`, str("it's")],
    ['reads raw strings verbatim', '`raw\\n`', str('raw\\n')],
    ['reads hex, octal and unicode escapes', String.raw`"\x41\101\u00e9\U0001F600"`, str('AAé😀')],
    ['reads byte escapes as UTF-8', String.raw`"\xc3\xa9"`, str('é')],
    ['reads hex numbers', '0x1f + 0X1F', bin('+', num(31), num(31))],
    ['reads a leading zero as octal, like Go', '010 + 019', bin('+', num(8), num(19))],
    ['reads short decimals', '1. + .5 + 1.e3', bin('+', bin('+', num(1), num(0.5)), num(1000))],
    ['rounds big integers like Go', '9007199254740993', num(9007199254740992)],
    ['reads Inf and NaN in any case', 'INF + -inf + nAn', bin('+', bin('+', num(Infinity), num(-Infinity)), num(NaN))],
    ['underflows tiny numbers to zero', '1e-400', num(0)],
    ['folds signs into number literals', '- -1 + +2', bin('+', num(1), num(2))],
    ['keeps a sign before parentheses', '-(1)', unary('-', paren(num(1)))],
    ['keeps unary plus on a selector', '+a', unary('+', a)],
    ['reads group_left with labels', 'a * on (x) group_left (y) b', bin('*', a, b, { card: 'many-to-one', on: true, labels: ['x'], include: ['y'] })],
    ['reads group_right without labels', 'a / ignoring (x) group_right b', bin('/', a, b, { card: 'one-to-many', labels: ['x'] })],
    ['makes set operations many-to-many', 'a unless on (x) b', bin('unless', a, b, { card: 'many-to-many', on: true, labels: ['x'] })],
    ['drops matching when a side is a scalar', '1 + on () group_left a', bin('+', num(1), a)],
    ['reads bool on comparisons', 'a > bool b', bin('>', a, b, V, true)],
    ['reads bool between scalars', '1 > bool 2', bin('>', num(1), num(2), undefined, true)],
    ['keeps __name__ matchers inside braces', '{__name__="x", job=~"a.*"}', sel(undefined, [eq('__name__', 'x'), re('job', 'a.*')])],
    ['skips comments', 'x # first\n+ # second\n1', bin('+', x, num(1))],
    ['reads 2.42 function calls', 'label_join(x, "d", ",", "a", "b")', call('label_join', x, str('d'), str(','), str('a'), str('b'))],
    ['accepts round without its optional argument', 'round(x)', call('round', x)],
    ['accepts a top-level string', '"text"', str('text')],
  ];

  it.each(cases)('%s: %s', (_name, text, expected) => {
    expect(tree(text)).toEqual(expected);
  });

  it('spans the whole expression, offsets and signs included', () => {
    expect(parseExpr('-2 ^ 2').span).toEqual({ start: 0, end: 6 });
    expect(parseExpr('foo offset 5m').span).toEqual({ start: 0, end: 13 });
    const sum = parseExpr('a + -1');
    expect(sum.kind === 'binary' && sum.rhs.span).toEqual({ start: 4, end: 6 });
  });
});

describe('parseExpr on RE2 matcher regexes', () => {
  // promtool 2.42 accepts each of these; JavaScript's own regex syntax lacks or misreads them.
  it.each([
    ['a flag for the whole pattern', '(?s).*'],
    ['a flag in mid-pattern', 'a(?i)b'],
    ['a scoped flag group', '(?i:a)b'],
    ['a Python-style named group', '(?P<n>x)'],
    ['text anchors', String.raw`\Aa\z`],
    ['a one-letter Unicode class', String.raw`\pL+`],
    ['a POSIX class', '[[:alpha:]]'],
    ['quoted text', String.raw`\Qa.b\E`],
    ['a braced hex escape', String.raw`\x{41}`],
  ])('accepts %s: %s', (_name, pattern) => {
    expect(tree(`x{a=~${JSON.stringify(pattern)}}`)).toEqual(sel('x', [re('a', pattern)]));
  });
});

describe('exprType', () => {
  it.each([
    ['1 + 2', 'scalar'],
    ['"s"', 'string'],
    ['x', 'vector'],
    ['x[5m]', 'matrix'],
    ['scalar(x) * 2', 'scalar'],
    ['time()', 'scalar'],
    ['rate(x[5m])', 'vector'],
    ['sum(x) + 1', 'vector'],
    ['-(time())', 'scalar'],
  ])('types %s as %s', (text, type) => {
    expect(exprType(parseExpr(text))).toBe(type);
  });
});
