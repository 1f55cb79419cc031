import { describe, expect, it } from 'vitest';
import { callFunction, scalar, valuesOf, vector } from './testing/fn-fixtures.js';

const INPUTS: [string, number][] = [
  ['neg2.5', -2.5], ['neg0.5', -0.5], ['zero', 0], ['0.5', 0.5], ['1.5', 1.5], ['2.5', 2.5],
  ['pi', 3.141592653589793], ['big', 12345.678], ['tiny', 0.001], ['inf', Infinity], ['-inf', -Infinity],
];
const m = (...only: string[]) =>
  vector(0, ...INPUTS.filter(([i]) => only.length === 0 || only.includes(i)).map(([i, v]): [Record<string, string>, number] => [{ __name__: 'm', i }, v]));

/** `{i="…"}` → value, from the expected columns below, in INPUTS order. */
function expected(values: number[], only: string[] = INPUTS.map(([i]) => i)): Record<string, number> {
  return Object.fromEntries(only.map((i, k) => [`{i=${JSON.stringify(i)}}`, values[k] as number]));
}

// Expected values are promtool 2.42's (test/conformance/promql-functions).
describe('math functions', () => {
  it.each([
    ['abs', [2.5, 0.5, 0, 0.5, 1.5, 2.5, 3.141592653589793, 12345.678, 0.001, Infinity, Infinity]],
    ['ceil', [-2, -0, 0, 1, 2, 3, 4, 12346, 1, Infinity, -Infinity]],
    ['floor', [-3, -1, 0, 0, 1, 2, 3, 12345, 0, Infinity, -Infinity]],
    ['round', [-2, 0, 0, 1, 2, 3, 3, 12346, 0, Infinity, -Infinity]],
    ['sgn', [-1, -1, 0, 1, 1, 1, 1, 1, 1, 1, -1]],
    ['exp', [0.0820849986238988, 0.6065306597126334, 1, 1.6487212707001282, 4.481689070338065, 12.182493960703473,
      23.140692632779267, Infinity, 1.0010005001667084, Infinity, 0]],
  ])('%s maps every sample and drops the metric name', (fn, values) => {
    expect(valuesOf(callFunction(fn, [m()]))).toEqual(expected(values));
  });

  it.each([
    ['ln', [-0.6931471805599453, 0.4054651081081644, 0.9162907318741551, 1.1447298858494002, 9.421061321291832, -6.907755278982137]],
    ['log2', [-1, 0.5849625007211563, 1.3219280948873622, 1.6514961294723187, 13.59171844813855, -9.965784284662087]],
    ['log10', [-0.3010299956639812, 0.17609125905568124, 0.3979400086720376, 0.49714987269413385, 4.091514945509201, -3]],
    ['sqrt', [0.7071067811865476, 1.224744871391589, 1.5811388300841898, 1.7724538509055159, 111.11110655555547, 0.03162277660168379]],
  ])('%s of positive numbers equals Go’s math package bit for bit', (fn, values) => {
    const only = ['0.5', '1.5', '2.5', 'pi', 'big', 'tiny'];
    expect(valuesOf(callFunction(fn, [m(...only)]))).toEqual(expected(values, only));
  });

  it('gives NaN for logarithms and roots of negative numbers and -Inf for ln(0)', () => {
    for (const fn of ['ln', 'log2', 'log10', 'sqrt']) expect(valuesOf(callFunction(fn, [m('neg2.5')]))['{i="neg2.5"}']).toBeNaN();
    expect(valuesOf(callFunction('ln', [m('zero')]))).toEqual({ '{i="zero"}': -Infinity });
  });

  it('rounds ties up, also below zero, and to a given multiple', () => {
    expect(valuesOf(callFunction('round', [m('neg2.5', 'neg0.5', '2.5', 'big', 'pi'), scalar(0.1)]))).toEqual(
      expected([-2.5, -0.5, 2.5, 12345.7, 3.1], ['neg2.5', 'neg0.5', '2.5', 'big', 'pi']),
    );
    expect(valuesOf(callFunction('round', [m('2.5', 'pi', 'big', 'neg2.5'), scalar(5)]))).toEqual(
      expected([5, 5, 12345, 0], ['2.5', 'pi', 'big', 'neg2.5']),
    );
  });

  it('clamps between bounds, and returns nothing when max < min', () => {
    expect(valuesOf(callFunction('clamp', [m('neg2.5', '0.5', 'pi', 'inf'), scalar(-1), scalar(2)]))).toEqual(
      expected([-1, 0.5, 2, 2], ['neg2.5', '0.5', 'pi', 'inf']),
    );
    expect(callFunction('clamp', [m(), scalar(2), scalar(1)])).toEqual([]);
    expect(valuesOf(callFunction('clamp_min', [m('neg2.5', 'pi'), scalar(0.25)]))).toEqual(expected([0.25, 3.141592653589793], ['neg2.5', 'pi']));
    expect(valuesOf(callFunction('clamp_max', [m('neg2.5', 'pi'), scalar(1)]))).toEqual(expected([-2.5, 1], ['neg2.5', 'pi']));
  });

  it('turns every sample into NaN when a bound is NaN, as Go’s math.Max does', () => {
    const out = valuesOf(callFunction('clamp', [m('pi'), scalar(NaN), scalar(1)]));
    expect(out['{i="pi"}']).toBeNaN();
  });

  it('stamps results with the evaluation time and keeps NaN inputs NaN', () => {
    const result = callFunction('abs', [vector(5, [{ a: 'b' }, NaN])], 90_000);
    expect(result).toEqual([{ metric: { a: 'b' }, t: 90_000, v: NaN }]);
  });

  it('reports an argument of the wrong type as an evaluation error', () => {
    expect(() => callFunction('abs', [scalar(1)])).toThrow(/abs\(\) expects a vector as argument 1 but got a scalar/);
    expect(() => callFunction('clamp_min', [m()])).toThrow(/argument 2 but got nothing/);
  });
});
