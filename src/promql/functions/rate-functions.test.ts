import { describe, expect, it } from 'vitest';
import { callFunction, range, scalar, series, valuesOf } from './testing/fn-fixtures.js';

const c = (i: string, values: (number | null)[]) => series({ __name__: 'c', i }, values);
const COUNTERS = [
  c('1', [31, 32, 37, null, 3, 8, 21, 58, 85, 119, 143, 161]),
  c('2', [61, 75, 81, 7, 19, 46, null, 77, null, 100, 115, 126]),
  c('3', [null, 59, 72, 80, 117, 119, null, 158, 171, 205, 232, 256]),
  c('4', [null, null, null, null, null, null, 2, 12, 22, 32, 42, 52]),
  c('5', [10, 5, 1, 8, 4, 2, 9, 3, 1, 0, 7, 6]),
];
const g = (i: string, values: number[]) => series({ __name__: 'g', i }, values);
const GAUGES = [
  g('1', [5, 3.5, 8, -2, 4, 4, 4.25, 9, 1e3, -7, 0.1, 2]),
  g('2', [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048]),
  g('const', [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7]),
];
const NAN_GAUGE = g('nan', [1, NaN, NaN, 2, 2, NaN, 3, 3, 3, 1, 1, 1]);
const s = (seconds: number) => seconds * 1000;
const minutes = (n: number) => n * 60_000;

/** Evaluates `fn(selector[rangeMs] offset offsetMs)` at `t`, optionally with a trailing scalar. */
function evalRange(fn: string, all: typeof COUNTERS, t: number, rangeMs: number, offsetMs = 0, extra?: number) {
  const args = [range(all, t, rangeMs, offsetMs)];
  if (extra !== undefined) args.push(scalar(extra));
  return valuesOf(callFunction(fn, args, t));
}

// Every expected number is what promtool 2.42 returned for the same data
// (test/conformance/promql-functions/functions.test.yml).
describe('rate, increase and delta', () => {
  it.each([
    [s(475), minutes(7), { 1: 0.17500000000000002, 2: 0.23055555555555557, 3: 0.275, 4: 0.0503968253968254, 5: 0.06666666666666667 }],
    [s(468), minutes(3), { 1: 0.4166666666666667, 2: 0.2583333333333333, 3: 0.325, 4: 0.11111111111111112, 5: 0.08333333333333333 }],
    [s(482), minutes(3), { 1: 0.4781481481481481, 3: 0.11074074074074075, 4: 0.12407407407407407, 5: 0.03333333333333333 }],
    [s(644), minutes(3), { 1: 0.48333333333333334, 2: 0.18611111111111112, 3: 0.5083333333333333, 4: 0.16666666666666666, 5: 0.058333333333333334 }],
  ])('rate() at %ims over %ims extrapolates and corrects resets like Prometheus', (t, rangeMs, want) => {
    expect(evalRange('rate', COUNTERS, t, rangeMs)).toEqual(byI(want));
  });

  it('applies offset to the window and still divides by the range', () => {
    expect(evalRange('rate', COUNTERS, s(570), minutes(5), minutes(2))).toEqual(
      byI({ 1: 0.22388888888888892, 2: 0.2858333333333334, 3: 0.325, 4: 0.056666666666666664, 5: 0.06666666666666667 }),
    );
  });

  it('drops series with fewer than two points in the window', () => {
    expect(evalRange('rate', COUNTERS, minutes(3), s(90))).toEqual(byI({ 2: 0.11666666666666667, 3: 0.13333333333333333, 5: 0.08888888888888889 }));
  });

  it('increase() stops extrapolating at the zero point of a young counter', () => {
    expect(evalRange('increase', COUNTERS, minutes(11), minutes(10))).toEqual(byI({ 1: 166, 2: 132, 3: 197, 4: 52, 5: 38 }));
    expect(evalRange('increase', COUNTERS, s(495), minutes(4))).toEqual(
      byI({ 1: 91.41666666666666, 2: 62, 3: 69.33333333333333, 4: 24.5, 5: 13.916666666666666 }),
    );
  });

  it('delta() treats values as a gauge: no reset correction, may be negative', () => {
    expect(evalRange('delta', GAUGES, minutes(11), minutes(10))).toEqual({ '{i="1"}': -1.5, '{i="2"}': 2046, '{i="const"}': 0 });
    expect(evalRange('delta', [...GAUGES, NAN_GAUGE], s(380), minutes(4))).toEqual({
      '{i="1"}': 8.333333333333332, '{i="2"}': 74.66666666666666, '{i="const"}': 0, '{i="nan"}': 1.3333333333333333,
    });
  });
});

describe('irate and idelta', () => {
  it('use the last two points, irate counting a reset from zero', () => {
    expect(evalRange('irate', COUNTERS, minutes(11), minutes(5))).toEqual(
      byI({ 1: 0.3, 2: 0.18333333333333332, 3: 0.4, 4: 0.16666666666666666, 5: 0.1 }),
    );
    expect(evalRange('irate', COUNTERS, minutes(4), minutes(5))).toEqual(byI({ 1: 0.025, 2: 0.2, 3: 0.6166666666666667, 5: 0.06666666666666667 }));
    expect(evalRange('idelta', [...GAUGES, NAN_GAUGE], minutes(11), minutes(5))).toEqual({
      '{i="1"}': 1.9, '{i="2"}': 1024, '{i="const"}': 0, '{i="nan"}': 0,
    });
  });

  it('drop a series with one point', () => {
    expect(evalRange('idelta', GAUGES, 0, minutes(5))).toEqual({});
  });
});

describe('deriv and predict_linear', () => {
  it('fit a least-squares line with compensated sums', () => {
    expect(evalRange('deriv', GAUGES, minutes(11), minutes(10))).toEqual({ '{i="1"}': 0.294378787878788, '{i="2"}': 2.4845454545454544, '{i="const"}': 0 });
    expect(evalRange('deriv', GAUGES, s(450), minutes(4))).toEqual({ '{i="1"}': 0.025416666666666667, '{i="2"}': 0.6133333333333333, '{i="const"}': 0 });
    expect(evalRange('deriv', COUNTERS, minutes(11), minutes(10))).toEqual(
      byI({ 1: 0.23974358974358975, 2: 0.1273508771929825, 3: 0.3253030303030303, 4: 0.16666666666666666, 5: 0 }),
    );
  });

  it('predict from the evaluation time, even under offset', () => {
    expect(evalRange('predict_linear', GAUGES, minutes(11), minutes(10), 0, 600)).toEqual({
      '{i="1"}': 358.1999999999998, '{i="2"}': 2608.272727272727, '{i="const"}': 7,
    });
    expect(evalRange('predict_linear', GAUGES, s(610), minutes(5), minutes(3), 3600)).toEqual({
      '{i="1"}': 148.84583333333333, '{i="2"}': 1926.4, '{i="const"}': 7,
    });
    expect(evalRange('predict_linear', COUNTERS, minutes(11), minutes(6), 0, 0)).toEqual(
      byI({ 1: 166.85714285714286, 2: 127.25, 3: 252.07142857142856, 4: 52, 5: 4.535714285714286 }),
    );
  });

  it('give NaN for NaN samples and for a constant infinite series', () => {
    expect(evalRange('deriv', [NAN_GAUGE], minutes(11), minutes(10))['{i="nan"}']).toBeNaN();
    expect(evalRange('deriv', [g('inf', [Infinity, Infinity])], minutes(1), minutes(1))['{i="inf"}']).toBeNaN();
  });

  it('need two points', () => {
    expect(evalRange('deriv', GAUGES, 0, minutes(1))).toEqual({});
    expect(evalRange('predict_linear', GAUGES, 0, minutes(1), 0, 60)).toEqual({});
  });
});

describe('changes and resets', () => {
  it('count changes, NaN to NaN being none', () => {
    expect(evalRange('changes', [...GAUGES, NAN_GAUGE], minutes(11), minutes(10))).toEqual({
      '{i="1"}': 9, '{i="2"}': 10, '{i="const"}': 0, '{i="nan"}': 4,
    });
    expect(evalRange('changes', COUNTERS, minutes(5), minutes(2))).toEqual(byI({ 1: 1, 2: 2, 3: 2, 5: 2 }));
  });

  it('count decreases, and give 0 for a single point', () => {
    expect(evalRange('resets', COUNTERS, minutes(11), minutes(11))).toEqual(byI({ 1: 1, 2: 1, 3: 0, 4: 0, 5: 8 }));
    expect(evalRange('resets', [...GAUGES, NAN_GAUGE], minutes(11), minutes(11))).toEqual({
      '{i="1"}': 3, '{i="2"}': 0, '{i="const"}': 0, '{i="nan"}': 1,
    });
    expect(evalRange('resets', COUNTERS, 0, minutes(1))).toEqual(byI({ 1: 0, 2: 0, 5: 0 }));
  });
});

function byI(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([i, v]) => [`{i=${JSON.stringify(i)}}`, v]));
}
