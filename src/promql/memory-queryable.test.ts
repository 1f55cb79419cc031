import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../errors.js';
import type { LabelMatcher } from '../tsdb/index.js';
import { MemoryQueryable } from './memory-queryable.js';

const name = (value: string): LabelMatcher => ({ name: '__name__', op: '=', value });

describe('MemoryQueryable', () => {
  it('returns the points of matching series inside the closed window', async () => {
    const source = new MemoryQueryable();
    source.add({ __name__: 'up', job: 'api' }, [{ t: 0, v: 1 }, { t: 10, v: 0 }, { t: 20, v: 1 }, { t: 30, v: 1 }]);
    source.add({ __name__: 'up', job: 'db' }, [{ t: 0, v: 1 }]);
    source.add({ __name__: 'down', job: 'api' }, [{ t: 10, v: 1 }]);
    expect(await source.select([name('up'), { name: 'job', op: '=', value: 'api' }], 10, 20)).toEqual([
      { metric: { __name__: 'up', job: 'api' }, points: [{ t: 10, v: 0 }, { t: 20, v: 1 }] },
    ]);
  });

  it('leaves out series without points in the window', async () => {
    const source = new MemoryQueryable();
    source.add({ __name__: 'up', job: 'db' }, [{ t: 0, v: 1 }]);
    expect(await source.select([name('up')], 1, 100)).toEqual([]);
  });

  it('matches with Prometheus semantics when no name is given: regexes anchored, missing labels as ""', async () => {
    const source = new MemoryQueryable();
    source.add({ __name__: 'a', job: 'api' }, [{ t: 0, v: 1 }]);
    source.add({ __name__: 'ab', job: 'api-2' }, [{ t: 0, v: 2 }]);
    source.add({ __name__: 'b' }, [{ t: 0, v: 3 }]);
    const values = async (matchers: LabelMatcher[]) => (await source.select(matchers, 0, 0)).map((s) => s.points[0]?.v).sort();
    expect(await values([{ name: '__name__', op: '=~', value: 'a' }])).toEqual([1]);
    expect(await values([{ name: 'job', op: '=~', value: 'api|' }])).toEqual([1, 3]);
    expect(await values([{ name: 'job', op: '!=', value: '' }])).toEqual([1, 2]);
    expect(await values([{ name: '__name__', op: '!~', value: 'a.*' }])).toEqual([3]);
  });

  it('keeps points in time order whatever order they arrive in, a repeated time replacing the point', async () => {
    const source = new MemoryQueryable();
    const metric = { __name__: 'x' };
    source.add(metric, [{ t: 30, v: 3 }, { t: 10, v: 1 }]);
    source.append(metric, { t: 40, v: 4 });
    source.append(metric, { t: 20, v: 2 });
    source.append(metric, { t: 30, v: 33 });
    source.add(metric, [{ t: 50, v: NaN, stale: true }]);
    const [series] = await source.select([name('x')], 0, 100);
    expect(series?.points).toEqual([{ t: 10, v: 1 }, { t: 20, v: 2 }, { t: 30, v: 33 }, { t: 40, v: 4 }, { t: 50, v: NaN, stale: true }]);
  });

  it('treats metrics with the same labels in another key order as one series', async () => {
    const source = new MemoryQueryable();
    source.append({ __name__: 'x', a: '1', b: '2' }, { t: 0, v: 1 });
    source.append({ b: '2', a: '1', __name__: 'x' }, { t: 1, v: 2 });
    expect(await source.select([name('x')], 0, 1)).toHaveLength(1);
  });

  it('does not share the caller’s objects', async () => {
    const source = new MemoryQueryable();
    const metric: Record<string, string> = { __name__: 'x' };
    const point = { t: 0, v: 1 };
    source.add(metric, [point]);
    metric.job = 'changed';
    point.v = 99;
    expect(await source.select([name('x')], 0, 0)).toEqual([{ metric: { __name__: 'x' }, points: [{ t: 0, v: 1 }] }]);
  });

  it('rejects an invalid regular expression', async () => {
    const source = new MemoryQueryable();
    await expect(source.select([{ name: 'job', op: '=~', value: '(' }], 0, 0)).rejects.toThrow(InvalidRequestError);
  });
});
