import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore, type Store } from '../store/index.js';
import { createTsdb, type Tsdb } from '../tsdb/index.js';
import { createEngine } from './eval/create-engine.js';
import { parseExpr } from './parse/parse-expr.js';
import { isStaleNaN, staleNaN, tsdbQueryable } from './tsdb-queryable.js';

const T0 = Date.UTC(2026, 0, 1);

describe('tsdbQueryable', () => {
  let store: Store;
  let tsdb: Tsdb;

  beforeEach(async () => {
    store = await openMemoryStore();
    tsdb = createTsdb(store);
    for (let i = 0; i < 10; i++) {
      tsdb.append('api', [
        { name: 'http_requests_total', labels: { job: 'api', code: '200' }, t: T0 + i * 15_000, v: i * 10, type: 'counter' },
        { name: 'http_requests_total', labels: { job: 'api', code: '500' }, t: T0 + i * 15_000, v: i, type: 'counter' },
        { name: 'up', labels: { job: 'api' }, t: T0 + i * 15_000, v: 1 },
      ]);
    }
  });

  afterEach(async () => {
    await tsdb.close();
    await store.close();
  });

  it('selects matching series with __name__ in their metric and points inside the closed window', async () => {
    const series = await tsdbQueryable(tsdb).select([{ name: '__name__', op: '=', value: 'http_requests_total' }, { name: 'code', op: '=~', value: '5..' }], T0 + 15_000, T0 + 45_000);
    expect(series).toEqual([
      { metric: { __name__: 'http_requests_total', job: 'api', code: '500' }, points: [{ t: T0 + 15_000, v: 1 }, { t: T0 + 30_000, v: 2 }, { t: T0 + 45_000, v: 3 }] },
    ]);
  });

  it('reads flushed and buffered samples alike', async () => {
    await tsdb.flush();
    tsdb.append('api', [{ name: 'up', labels: { job: 'api' }, t: T0 + 150_000, v: 0 }]);
    const [up] = await tsdbQueryable(tsdb).select([{ name: '__name__', op: '=', value: 'up' }], T0 + 130_000, T0 + 200_000);
    expect(up?.points).toEqual([{ t: T0 + 135_000, v: 1 }, { t: T0 + 150_000, v: 0 }]);
  });

  it('returns the same metric object for a series on every query', async () => {
    const source = tsdbQueryable(tsdb);
    const matchers = [{ name: '__name__', op: '=' as const, value: 'up' }];
    const [first] = await source.select(matchers, T0, T0 + 200_000);
    const [second] = await source.select(matchers, T0 + 60_000, T0 + 200_000);
    expect(second?.metric).toBe(first?.metric);
  });

  it('turns Prometheus staleness-marker NaNs into markers and keeps other NaNs as values', async () => {
    tsdb.append('api', [
      { name: 'up', labels: { job: 'api' }, t: T0 + 150_000, v: staleNaN() },
      { name: 'up', labels: { job: 'api' }, t: T0 + 165_000, v: NaN },
    ]);
    await tsdb.flush();
    const [up] = await tsdbQueryable(tsdb).select([{ name: '__name__', op: '=', value: 'up' }], T0 + 150_000, T0 + 165_000);
    expect(up?.points).toHaveLength(2);
    expect(up?.points[0]?.stale).toBe(true);
    expect(up?.points[1]?.stale).toBeUndefined();
    expect(up?.points[1]?.v).toBeNaN();
  });

  it('serves the engine: rate, aggregation and an alert-style comparison', async () => {
    const engine = createEngine();
    const expr = parseExpr('sum by (job) (rate(http_requests_total{code="500"}[1m])) / sum by (job) (rate(http_requests_total[1m])) > 0.05');
    expect(await engine.instantQuery(tsdbQueryable(tsdb), expr, T0 + 135_000)).toEqual({
      type: 'vector',
      vector: [{ metric: { job: 'api' }, t: T0 + 135_000, v: 1 / 11 }],
    });
  });
});

describe('isStaleNaN', () => {
  it('recognises only the marker bit pattern', () => {
    expect(isStaleNaN(staleNaN())).toBe(true);
    expect(isStaleNaN(NaN)).toBe(false);
    expect(isStaleNaN(0)).toBe(false);
    expect(isStaleNaN(Infinity)).toBe(false);
  });
});
