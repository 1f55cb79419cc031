import { describe, expect, it } from 'vitest';
import { PromqlEvalError } from '../../errors.js';
import { TestSeriesStore } from './test-series-store.js';

const up = { __name__: 'up', job: 'a' };
const all = [{ name: '__name__', op: '=' as const, value: 'up' }];

describe('TestSeriesStore', () => {
  it('keeps the first input sample at a time and drops older ones, as promtool loads data', async () => {
    const store = new TestSeriesStore();
    store.load(up, { t: 0, v: 1 });
    store.load(up, { t: 0, v: 2 });
    store.load(up, { t: 60_000, v: 3 });
    store.load(up, { t: 30_000, v: 4 });
    expect(await store.select(all, 0, 120_000)).toEqual([{ metric: up, points: [{ t: 0, v: 1 }, { t: 60_000, v: 3 }] }]);
  });

  it('refuses rule results that go back in time or change a value, with the TSDB errors', () => {
    const store = new TestSeriesStore();
    store.append(up, { t: 60_000, v: 1 });
    expect(() => store.append(up, { t: 0, v: 1 })).toThrow(new PromqlEvalError('out of order sample'));
    expect(() => store.append(up, { t: 60_000, v: 2 })).toThrow(new PromqlEvalError('duplicate sample for timestamp'));
    expect(() => store.append(up, { t: 60_000, v: NaN, stale: true })).toThrow('duplicate sample for timestamp');
  });

  it('accepts the same value again at the same time without storing it twice', async () => {
    const store = new TestSeriesStore();
    store.append(up, { t: 0, v: NaN });
    store.append(up, { t: 0, v: NaN });
    store.append({ job: 'a', __name__: 'up' }, { t: 60_000, v: NaN, stale: true });
    store.append(up, { t: 60_000, v: NaN, stale: true });
    const [series] = await store.select(all, 0, 60_000);
    expect(series?.points).toHaveLength(2);
    expect(series?.points[1]).toMatchObject({ t: 60_000, stale: true });
  });

  it('treats 0 and -0 as different values, as float bits differ', () => {
    const store = new TestSeriesStore();
    store.append(up, { t: 0, v: 0 });
    expect(() => store.append(up, { t: 0, v: -0 })).toThrow('duplicate sample for timestamp');
  });
});
