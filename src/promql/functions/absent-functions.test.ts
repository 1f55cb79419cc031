import { describe, expect, it } from 'vitest';
import type { Expr } from '../ast.js';
import { absentLabels } from './absent-functions.js';
import { callFunction, range, selectorExpr, series, vector } from './testing/fn-fixtures.js';

const SPAN = { start: 0, end: 0 };
const eq = (name: string, value: string) => ({ name, op: '=' as const, value });

// Expected labels are those promtool 2.42 returned for the same expressions.
describe('absentLabels', () => {
  it('takes the equality matchers except __name__', () => {
    expect(absentLabels(selectorExpr([eq('__name__', 'nonexistent'), eq('job', 'api'), eq('instance', 'b')]))).toEqual({ job: 'api', instance: 'b' });
  });

  it('leaves out a label matched twice, matched by regex or inequality, or matched to ""', () => {
    const expr = selectorExpr([
      eq('job', 'a'), eq('job', 'b'), { name: 'env', op: '=~', value: 'prod.*' }, eq('zone', ''), eq('region', 'eu'),
      eq('x', 'y'), { name: 'z', op: '!=', value: 'w' }, eq('z', 'q'),
    ]);
    expect(absentLabels(expr)).toEqual({ region: 'eu', x: 'y', z: 'q' });
  });

  it('looks through parentheses and into range selectors', () => {
    const inner = selectorExpr([eq('job', 'api')]);
    const paren: Expr = { kind: 'paren', expr: { kind: 'paren', expr: inner, span: SPAN }, span: SPAN };
    expect(absentLabels(paren)).toEqual({ job: 'api' });
    expect(absentLabels({ kind: 'matrix', selector: inner as Extract<Expr, { kind: 'vector' }>, rangeMs: 60_000, span: SPAN })).toEqual({ job: 'api' });
  });

  it('gives no labels for anything but a selector', () => {
    const sum: Expr = { kind: 'aggregate', op: 'sum', expr: selectorExpr([eq('job', 'api')]), param: undefined, grouping: [], without: false, span: SPAN };
    expect(absentLabels(sum)).toEqual({});
    expect(absentLabels({ kind: 'unary', op: '-', expr: selectorExpr([eq('job', 'api')]), span: SPAN })).toEqual({});
  });
});

describe('absent and absent_over_time', () => {
  const arg = selectorExpr([eq('__name__', 'up'), eq('job', 'api')]);

  it('absent() is empty when the vector has samples, else one sample of 1', () => {
    expect(callFunction('absent', [vector(60_000, [{ __name__: 'up', job: 'api' }, 1])], 60_000, [arg])).toEqual([]);
    expect(callFunction('absent', [vector(60_000)], 60_000, [arg])).toEqual([{ metric: { job: 'api' }, t: 60_000, v: 1 }]);
  });

  it('absent_over_time() is empty while any series has a point in the window', () => {
    const up = [series({ __name__: 'up', job: 'api', instance: 'a' }, [1, 1, 1])];
    expect(callFunction('absent_over_time', [range(up, 360_000, 300_000)], 360_000, [arg])).toEqual([]);
    expect(callFunction('absent_over_time', [range(up, 480_000, 300_000)], 480_000, [arg])).toEqual([{ metric: { job: 'api' }, t: 480_000, v: 1 }]);
  });
});
