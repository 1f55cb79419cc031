import { describe, expect, it } from 'vitest';
import { callFunction, range, scalar, series, valuesOf } from './testing/fn-fixtures.js';

const o = (i: string, values: (number | null)[]) => series({ __name__: 'o', i }, values);
const SERIES = [
  o('1', [5, 3.5, 8, -2, 4, 4, 4.25, 9, 1e3, -7, 0.1, 2]),
  // Compensated summation keeps the 1s that plain addition loses next to 1e16.
  o('kahan', [1e16, 1, 1, -1e16, 1, 0.1, 0.2, 0.3, 1e16, 1, -1e16, 0.7]),
  o('big', [1e308, 1e308, -1e308, 1e308, 5, 6, 7, 8, 9, 10, 11, 12]),
  o('inf', [1, Infinity, 2, 3, 4, Infinity, 5, 6, 7, 8, 9, 10]),
  o('var', [1000000001, 1000000002, 1000000003, 1000000005, 1000000008, 1000000013, 1000000021, 1000000034, 1000000055, 1000000089,
    1000000144, 1000000233]),
  o('gap', [1, 2]),
];
const minutes = (n: number) => n * 60_000;

function overTime(fn: string, t: number, rangeMs: number, phi?: number, all = SERIES) {
  const arg = range(all, t, rangeMs);
  return valuesOf(callFunction(fn, phi === undefined ? [arg] : [scalar(phi), arg], t));
}

function byI(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([i, v]) => [`{i=${JSON.stringify(i)}}`, v]));
}

// Expected numbers are promtool 2.42's for the same data.
describe('*_over_time', () => {
  it('avg_over_time keeps an incremental, compensated mean that survives huge values', () => {
    expect(overTime('avg_over_time', minutes(11), minutes(11))).toEqual(
      byI({ 1: 85.90416666666667, big: 1.666666666666667e307, gap: 1.5, inf: Infinity, kahan: 0.3052083333333333, var: 1000000050.6666667 }),
    );
    expect(overTime('avg_over_time', minutes(6), minutes(4))).toEqual(
      byI({ 1: 3.65, big: 3.5999999999999996, inf: Infinity, kahan: -1999999999999999.5, var: 1000000010 }),
    );
  });

  it('sum_over_time compensates rounding and returns an infinite sum as is', () => {
    expect(overTime('sum_over_time', minutes(11), minutes(11))).toEqual(
      byI({ 1: 1030.85, big: Infinity, gap: 3, inf: Infinity, kahan: 5.3, var: 12000000608 }),
    );
    expect(overTime('sum_over_time', minutes(3), minutes(3))).toEqual(byI({ 1: 14.5, big: Infinity, gap: 3, inf: Infinity, kahan: 2, var: 4000000011 }));
  });

  it('min, max, count and present see every point of the window', () => {
    expect(overTime('min_over_time', minutes(11), minutes(11))).toEqual(byI({ 1: -7, big: -1e308, gap: 1, inf: 1, kahan: -1e16, var: 1000000001 }));
    expect(overTime('max_over_time', minutes(11), minutes(11))).toEqual(byI({ 1: 1000, big: 1e308, gap: 2, inf: Infinity, kahan: 1e16, var: 1000000233 }));
    expect(overTime('count_over_time', minutes(11), minutes(11))).toEqual(byI({ 1: 12, big: 12, gap: 2, inf: 12, kahan: 12, var: 12 }));
    expect(overTime('present_over_time', minutes(11), minutes(5))).toEqual(byI({ 1: 1, big: 1, inf: 1, kahan: 1, var: 1 }));
  });

  it('min and max skip NaN unless every value is NaN', () => {
    const nan = [o('n', [1, NaN, 2]), o('all', [NaN, NaN])];
    expect(overTime('max_over_time', minutes(2), minutes(1), undefined, nan)).toEqual(byI({ n: 2, all: NaN }));
    expect(overTime('min_over_time', minutes(2), minutes(5), undefined, nan)).toEqual(byI({ n: 1, all: NaN }));
  });

  it('last_over_time returns the newest value and is the only one to keep the metric name', () => {
    expect(callFunction('last_over_time', [range(SERIES.slice(0, 2), minutes(11), minutes(5))], minutes(11))).toEqual([
      { metric: { __name__: 'o', i: '1' }, t: minutes(11), v: 2 },
      { metric: { __name__: 'o', i: 'kahan' }, t: minutes(11), v: 0.7 },
    ]);
  });

  it.each([
    [0.3, minutes(11), { 1: 2.4499999999999997, big: 7.3, gap: 1.2999999999999998, inf: 4.3, kahan: 0.22999999999999998, var: 1000000005.8999999 }],
    [0.95, minutes(6), { 1: 702.6999999999994, big: 11.7, inf: Infinity, kahan: 6999999999999993, var: 1000000206.3 }],
    [0, minutes(11), { 1: -7, big: -1e308, gap: 1, inf: 1, kahan: -1e16, var: 1000000001 }],
  ])('quantile_over_time(%d) interpolates between closest ranks', (phi, rangeMs, want) => {
    expect(overTime('quantile_over_time', minutes(11), rangeMs, phi)).toEqual(byI(want));
  });

  it('quantile_over_time is -Inf below 0, +Inf above 1, NaN for NaN, and sorts NaN samples first', () => {
    const one = [SERIES[0] as (typeof SERIES)[number]];
    expect(overTime('quantile_over_time', minutes(11), minutes(11), -1, one)).toEqual(byI({ 1: -Infinity }));
    expect(overTime('quantile_over_time', minutes(11), minutes(11), 2, one)).toEqual(byI({ 1: Infinity }));
    expect(overTime('quantile_over_time', minutes(11), minutes(11), NaN, one)).toEqual(byI({ 1: NaN }));
    const nan = [o('n', [1, NaN, 2])];
    expect(overTime('quantile_over_time', minutes(2), minutes(5), 0.5, nan)).toEqual(byI({ n: 1 }));
    expect(overTime('quantile_over_time', minutes(2), minutes(5), 1, nan)).toEqual(byI({ n: 2 }));
  });

  it('stddev and stdvar use a compensated running variance; infinities make them NaN', () => {
    const finite = SERIES.filter((s) => !['big', 'inf'].includes(s.metric.i as string));
    expect(overTime('stddev_over_time', minutes(11), minutes(11), undefined, finite)).toEqual(
      byI({ 1: 275.64092165528007, gap: 0.5, kahan: 5773502691896257, var: 68.94119877349975 }),
    );
    expect(overTime('stdvar_over_time', minutes(11), minutes(11), undefined, finite)).toEqual(
      byI({ 1: 75977.91769097223, gap: 0.25, kahan: 3.333333333333333e31, var: 4752.888888327204 }),
    );
    expect(overTime('stdvar_over_time', minutes(9), minutes(3))).toEqual(
      byI({ 1: 186753.32421875, big: 1.25, inf: 1.25, kahan: 1.8749999999999998e31, var: 660.6875006631017 }),
    );
    expect(overTime('stdvar_over_time', minutes(11), minutes(11))).toMatchObject(byI({ big: NaN, inf: NaN }));
  });

  it('leaves out series without points in the window', () => {
    expect(overTime('count_over_time', minutes(11), minutes(1), undefined, [o('gap', [1, 2])])).toEqual({});
  });
});
