import { describe, expect, it } from 'vitest';
import { bucketQuantile } from './histogram-quantile.js';
import { callFunction, scalar, valuesOf, vector } from './testing/fn-fixtures.js';

const buckets = (...pairs: [number, number][]) => pairs.map(([upperBound, count]) => ({ upperBound, count }));

// Expected numbers are promtool 2.42's (test/conformance/promql-functions).
describe('bucketQuantile', () => {
  const req = buckets([0.1, 70], [0.5, 175], [1, 224], [Infinity, 280]);

  it.each([
    [0.7, 0.7142857142857143],
    [0.1, 0.04000000000000001],
    [0, 0],
    [1, 1],
    [-0.5, -Infinity],
    [1.5, Infinity],
  ])('interpolates φ=%d linearly inside its bucket', (phi, want) => {
    expect(bucketQuantile(phi, req)).toBe(want);
  });

  it('returns the second-highest bound when the quantile falls in the +Inf bucket', () => {
    expect(bucketQuantile(0.95, buckets([0.1, 10], [0.5, 25], [1, 32], [Infinity, 40]))).toBe(1);
  });

  it('merges equal bounds, lifts lagging buckets to stay monotonic, and does not interpolate below a bound ≤ 0', () => {
    const odd = buckets([-1, 2], [2, 10], [2, 1], [4, 8], [8, 20], [Infinity, 22]);
    expect(bucketQuantile(0.25, odd)).toBe(0.16666666666666674);
    expect(bucketQuantile(0.6, odd)).toBe(4.977777777777778);
    expect(bucketQuantile(0.99, odd)).toBe(8);
    expect(bucketQuantile(0.05, odd)).toBe(-1);
  });

  it('starts the lowest bucket at 0 when its bound is positive', () => {
    const neg = buckets([-3, 4], [0, 6], [Infinity, 10]);
    expect([bucketQuantile(0.3, neg), bucketQuantile(0.5, neg), bucketQuantile(0.9, neg)]).toEqual([-3, -1.5, 0]);
  });

  it('is NaN without a +Inf bucket, with one bucket, without observations or for a NaN φ', () => {
    expect(bucketQuantile(0.5, buckets([1, 5], [2, 10]))).toBeNaN();
    expect(bucketQuantile(0.5, buckets([Infinity, 10]))).toBeNaN();
    expect(bucketQuantile(0.5, buckets([1, 0], [Infinity, 0]))).toBeNaN();
    expect(bucketQuantile(0.5, buckets([-1, 0], [Infinity, 0]))).toBeNaN();
    expect(bucketQuantile(NaN, req)).toBeNaN();
  });
});

describe('histogram_quantile', () => {
  it('groups buckets by their other labels, reads le as Go does and drops le and the name', () => {
    const input = vector(
      0,
      [{ __name__: 'h_bucket', job: 'a', le: '1_0' }, 5],
      [{ __name__: 'h_bucket', job: 'a', le: '+inf' }, 10],
      [{ __name__: 'h_bucket', job: 'b', le: '0x1p3' }, 5],
      [{ __name__: 'h_bucket', job: 'b', le: 'Infinity' }, 10],
      [{ __name__: 'h_bucket', job: 'b', le: '1e400' }, 7],
      [{ __name__: 'h_bucket', job: 'b', le: 'fast' }, 9],
      [{ __name__: 'h_bucket', job: 'b' }, 9],
    );
    expect(valuesOf(callFunction('histogram_quantile', [scalar(0.4), input]))).toEqual({ '{job="a"}': 8, '{job="b"}': 6.4 });
  });

  it('keeps histograms of different metric names apart (their results then collide, as in Prometheus)', () => {
    const input = vector(0, [{ __name__: 'a_bucket', le: '1' }, 1], [{ __name__: 'a_bucket', le: '+Inf' }, 2], [{ __name__: 'b_bucket', le: '+Inf' }, 4]);
    const result = callFunction('histogram_quantile', [scalar(0.5), input]);
    expect(result).toHaveLength(2);
  });

  it('returns nothing for a vector without buckets', () => {
    expect(callFunction('histogram_quantile', [scalar(0.5), vector(0, [{ __name__: 'x' }, 1])])).toEqual([]);
  });
});
