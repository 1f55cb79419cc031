import { describe, expect, it } from 'vitest';
import { callFunction, scalar, vector } from './testing/fn-fixtures.js';

describe('vector and scalar', () => {
  it('vector() makes one sample without labels', () => {
    expect(callFunction('vector', [scalar(1.5)], 60_000)).toEqual([{ metric: {}, t: 60_000, v: 1.5 }]);
  });

  it('scalar() takes the only sample’s value, else NaN', () => {
    expect(callFunction('scalar', [vector(0, [{ i: '1' }, 3])])).toBe(3);
    expect(callFunction('scalar', [vector(0)])).toBeNaN();
    expect(callFunction('scalar', [vector(0, [{ i: '1' }, 3], [{ i: '2' }, 4])])).toBeNaN();
  });
});

describe('sort and sort_desc', () => {
  const input = vector(
    0,
    [{ __name__: 's', i: 'nan1' }, NaN],
    [{ __name__: 's', i: 'b' }, 2],
    [{ __name__: 's', i: 'a' }, 1],
    [{ __name__: 's', i: 'nan2' }, NaN],
    [{ __name__: 's', i: 'c' }, 2],
    [{ __name__: 's', i: 'neg' }, -Infinity],
  );
  const order = (result: ReturnType<typeof callFunction>) => (Array.isArray(result) ? result.map((s) => s.metric.i) : []);

  it('sort() orders ascending, keeps names, equal values in input order and NaNs last, reversed as Go’s insertion sort leaves them', () => {
    const result = callFunction('sort', [input], 5);
    expect(order(result)).toEqual(['neg', 'a', 'b', 'c', 'nan2', 'nan1']);
    expect(Array.isArray(result) && result[0]).toEqual({ metric: { __name__: 's', i: 'neg' }, t: 5, v: -Infinity });
  });

  it('sort_desc() orders descending with NaNs last', () => {
    expect(order(callFunction('sort_desc', [input]))).toEqual(['b', 'c', 'a', 'neg', 'nan2', 'nan1']);
  });
});
