import { beforeEach, describe, expect, it } from 'vitest';
import { PromqlEvalError } from '../../errors.js';
import { MemoryQueryable } from '../memory-queryable.js';
import { parseExpr } from '../parse/parse-expr.js';
import { createEngine } from './create-engine.js';
import { load, matrixOver, MINUTE } from './internal/testing/engine-fixture.js';

describe('range queries', () => {
  const engine = createEngine();
  let source: MemoryQueryable;

  beforeEach(() => {
    source = new MemoryQueryable();
    load(source, { __name__: 'g', i: '1' }, '1 2 _x7 10'); // 0: 1, 1m: 2, 9m: 10
    load(source, { __name__: 'g', i: '0' }, '_x3 5 stale'); // 3m: 5, 4m: marker
  });

  const steps = (expr: string, start = 0, end = 10 * MINUTE, step = MINUTE) => matrixOver(engine, source, expr, start, end, step);

  it('evaluates every step, leaving gaps where the lookback finds nothing, one sorted row per label set', async () => {
    expect(await steps('g')).toEqual([
      [{ __name__: 'g', i: '0' }, [[3 * MINUTE, 5]]],
      [{ __name__: 'g', i: '1' }, [[0, 1], [MINUTE, 2], [2 * MINUTE, 2], [3 * MINUTE, 2], [4 * MINUTE, 2], [5 * MINUTE, 2], [6 * MINUTE, 2], [9 * MINUTE, 10], [10 * MINUTE, 10]]],
    ]);
  });

  it('steps from the start by the step up to the end, which need not be on a step', async () => {
    expect(await steps('g{i="1"}', 30_000, 150_000, 60_000)).toEqual([[{ __name__: 'g', i: '1' }, [[30_000, 1], [90_000, 2], [150_000, 2]]]]);
    expect(await steps('g{i="1"}', 60_000, 60_000, 1)).toEqual([[{ __name__: 'g', i: '1' }, [[60_000, 2]]]]);
  });

  it('returns a scalar expression as one label-less row', async () => {
    expect(await steps('time() * 2', 0, 2 * MINUTE)).toEqual([[{}, [[0, 0], [MINUTE, 120], [2 * MINUTE, 240]]]]);
  });

  it('evaluates range functions and aggregations at every step', async () => {
    expect(await steps('sum(count_over_time(g[2m]))', 0, 5 * MINUTE)).toEqual([
      [{}, [[0, 1], [MINUTE, 2], [2 * MINUTE, 2], [3 * MINUTE, 2], [4 * MINUTE, 1], [5 * MINUTE, 1]]],
    ]);
  });

  it('merges rows of different series that share a label set at different steps', async () => {
    load(source, { __name__: 'h', i: '0' }, '_x8 7');
    expect(await steps('abs({__name__=~"g|h", i="0"})', 0, 9 * MINUTE)).toEqual([
      [{ i: '0' }, [[3 * MINUTE, 5], [8 * MINUTE, 7], [9 * MINUTE, 7]]],
    ]);
  });

  it('rejects a range function whose series share a label set at any steps, as 2.42 does', async () => {
    load(source, { __name__: 'h', i: '0' }, '_x8 7');
    const expr = parseExpr('count_over_time({__name__=~"g|h", i="0"}[1m])');
    const error = await engine.rangeQuery(source, expr, 0, 9 * MINUTE, MINUTE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromqlEvalError);
    expect((error as Error).message).toBe('vector cannot contain metrics with the same labelset');
    // Each step alone has one of the two series, so instant queries succeed.
    expect(await engine.instantQuery(source, expr, 3 * MINUTE)).toMatchObject({ type: 'vector', vector: [{ metric: { i: '0' }, v: 1 }] });
  });

  it('evaluates absent_over_time over all series of a step at once', async () => {
    expect(await steps('absent_over_time(g{i="0"}[1m])', 2 * MINUTE, 5 * MINUTE)).toEqual([[{ i: '0' }, [[2 * MINUTE, 1], [5 * MINUTE, 1]]]]);
  });

  it.each([
    ['a range vector', 'g[1m]', 'invalid expression type "range vector" for range query, must be Scalar or instant Vector'],
    ['a string', '"x"', 'invalid expression type "string" for range query, must be Scalar or instant Vector'],
  ])('refuses %s', async (_name, expr, message) => {
    await expect(engine.rangeQuery(source, parseExpr(expr), 0, MINUTE, MINUTE)).rejects.toThrow(new PromqlEvalError(message));
  });

  it.each([
    ['a zero step', 0, MINUTE, 0, /positive step/],
    ['a negative step', 0, MINUTE, -1, /positive step/],
    ['an end before the start', MINUTE, 0, 1000, /ends before it starts/],
    ['more than 11,000 steps', 0, 11_000, 1, /exceeded maximum resolution of 11000 points per timeseries/],
  ])('refuses %s', async (_name, start, end, step, message) => {
    const error = await engine.rangeQuery(source, parseExpr('g'), start, end, step).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromqlEvalError);
    expect((error as Error).message).toMatch(message);
  });
});
