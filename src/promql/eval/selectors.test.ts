import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryQueryable } from '../memory-queryable.js';
import { parseExpr } from '../parse/parse-expr.js';
import { createEngine } from './create-engine.js';
import { load, MINUTE, vectorAt } from './internal/testing/engine-fixture.js';

// Expected values checked with promtool 2.42 (`promql_expr_test`) on the same series.
describe('selectors', () => {
  const engine = createEngine();
  let source: MemoryQueryable;
  const x = { __name__: 'x', i: 'a' };
  const y = { __name__: 'y', i: 'b' };
  const at = (expr: string, t: number) => vectorAt(engine, source, expr, t);
  const values = async (expr: string, t: number) => (await at(expr, t)).map(([, v]) => v);

  beforeEach(() => {
    source = new MemoryQueryable();
    load(source, x, '1 _x5 7'); // 0: 1, 6m: 7
    load(source, y, '1 2 stale _ 5'); // 0: 1, 1m: 2, 2m: marker, 4m: 5
  });

  describe('instant selector', () => {
    it('includes a sample exactly at the lookback edge (closed window, as 2.x)', async () => {
      expect(await at('x', 5 * MINUTE)).toEqual([[x, 1]]);
    });

    it('drops a series whose newest sample is older than the lookback', async () => {
      expect(await at('x', 5 * MINUTE + 1)).toEqual([]);
    });

    it('picks the newest sample at or before the evaluation time', async () => {
      expect(await at('y', 2 * MINUTE - 1000)).toEqual([[y, 2]]);
      expect(await at('y', 4 * MINUTE)).toEqual([[y, 5]]);
    });

    it('yields nothing while the newest sample is a staleness marker', async () => {
      expect(await at('y', 2 * MINUTE)).toEqual([]);
      expect(await at('y', 4 * MINUTE - 1)).toEqual([]);
    });

    it('looks back from t - offset, for positive and negative offsets', async () => {
      expect(await at('x offset 1m', 6 * MINUTE)).toEqual([[x, 1]]);
      expect(await at('x offset -1m', 5 * MINUTE)).toEqual([[x, 7]]);
      expect(await at('x offset -7m', 0)).toEqual([[x, 7]]);
    });

    it('honours a custom lookback', async () => {
      const short = createEngine({ lookbackMs: MINUTE });
      expect(await vectorAt(short, source, 'x', MINUTE)).toEqual([[x, 1]]);
      expect(await vectorAt(short, source, 'x', MINUTE + 1)).toEqual([]);
    });

    it('returns samples stamped with the evaluation time', async () => {
      const value = await engine.instantQuery(source, parseExpr('y'), 4 * MINUTE + 30_000);
      expect(value).toEqual({ type: 'vector', vector: [{ metric: y, t: 4 * MINUTE + 30_000, v: 5 }] });
    });

    it('matches labels with =, !=, =~ and !~, anchored regexes and missing labels as ""', async () => {
      load(source, { __name__: 'x', i: 'ab' }, '2');
      load(source, { __name__: 'x' }, '3');
      expect(await values('x{i=~"a"}', 0)).toEqual([1]);
      expect(await values('x{i=~"a.*"}', 0)).toEqual([1, 2]);
      expect(await values('x{i!="a"}', 0)).toEqual([3, 2]);
      expect(await values('x{i=""}', 0)).toEqual([3]);
      expect(await values('x{i!~"a|ab"}', 0)).toEqual([3]);
      expect(await values('{__name__=~"x|y", i=~".+"}', 0)).toEqual([1, 2, 1]);
    });
  });

  describe('range selector', () => {
    it('includes both ends of [t - range, t]', async () => {
      expect(await at('count_over_time(x[6m])', 6 * MINUTE)).toEqual([[{ i: 'a' }, 2]]);
      expect(await at('count_over_time(x[5m59s999ms])', 6 * MINUTE)).toEqual([[{ i: 'a' }, 1]]);
      expect(await at('count_over_time(x[6m] offset 1ms)', 6 * MINUTE)).toEqual([[{ i: 'a' }, 1]]);
    });

    it('leaves staleness markers out', async () => {
      const value = await engine.instantQuery(source, parseExpr('y[3m]'), 4 * MINUTE);
      expect(value).toEqual({ type: 'matrix', matrix: [{ metric: y, points: [{ t: MINUTE, v: 2 }, { t: 4 * MINUTE, v: 5 }] }] });
      expect(await at('count_over_time(y[3m])', 4 * MINUTE)).toEqual([[{ i: 'b' }, 2]]);
    });

    it('leaves out series without points in the window', async () => {
      const value = await engine.instantQuery(source, parseExpr('{__name__=~"x|y"}[1m]'), 6 * MINUTE);
      expect(value).toEqual({ type: 'matrix', matrix: [{ metric: x, points: [{ t: 6 * MINUTE, v: 7 }] }] });
    });

    it('shifts the window by the offset, negative offsets reading ahead', async () => {
      const value = await engine.instantQuery(source, parseExpr('x[1m] offset -6m'), 0);
      expect(value).toEqual({ type: 'matrix', matrix: [{ metric: x, points: [{ t: 6 * MINUTE, v: 7 }] }] });
    });
  });

  describe('literals and instant-query results', () => {
    it('returns a scalar for a number and a string for a string literal', async () => {
      expect(await engine.instantQuery(source, parseExpr('2.5'), 1000)).toEqual({ type: 'scalar', t: 1000, v: 2.5 });
      expect(await engine.instantQuery(source, parseExpr('"hi"'), 1000)).toEqual({ type: 'string', t: 1000, v: 'hi' });
      expect(await engine.instantQuery(source, parseExpr('-(2)'), 0)).toEqual({ type: 'scalar', t: 0, v: -2 });
    });

    it('returns scalar functions as scalars', async () => {
      expect(await engine.instantQuery(source, parseExpr('time()'), 90_000)).toEqual({ type: 'scalar', t: 90_000, v: 90 });
    });
  });

  describe('timestamp()', () => {
    it('reports the sample time of a selector argument, even inside parentheses', async () => {
      expect(await at('timestamp(y)', 4 * MINUTE + 30_000)).toEqual([[{ i: 'b' }, 240]]);
      expect(await at('timestamp((y offset 1m))', 5 * MINUTE)).toEqual([[{ i: 'b' }, 240]]);
    });

    it('reports the evaluation time for any other argument', async () => {
      expect(await at('timestamp(-y)', 4 * MINUTE + 30_000)).toEqual([[{ i: 'b' }, 270]]);
    });
  });
});
