import { describe, expect, it } from 'vitest';
import { formatSampleValue, promData } from './prometheus-json.js';

describe('formatSampleValue', () => {
  it('writes floats as Go strconv.FormatFloat(v, f, -1) does: shortest digits, no exponent', () => {
    expect(formatSampleValue(1)).toBe('1');
    expect(formatSampleValue(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatSampleValue(1e21)).toBe('1000000000000000000000');
    expect(formatSampleValue(1.5e-7)).toBe('0.00000015');
    expect(formatSampleValue(-2.5e22)).toBe('-25000000000000000000000');
    expect(formatSampleValue(1.2345e-10)).toBe('0.00000000012345');
  });

  it('writes NaN and infinities as Prometheus does', () => {
    expect(formatSampleValue(NaN)).toBe('NaN');
    expect(formatSampleValue(Infinity)).toBe('+Inf');
    expect(formatSampleValue(-Infinity)).toBe('-Inf');
  });
});

describe('promData', () => {
  it('shapes vectors and matrices with times in seconds', () => {
    expect(promData({ type: 'vector', vector: [{ metric: { a: 'b' }, t: 1500, v: 2 }] })).toEqual({
      resultType: 'vector',
      result: [{ metric: { a: 'b' }, value: [1.5, '2'] }],
    });
    expect(promData({ type: 'matrix', matrix: [{ metric: {}, points: [{ t: 1000, v: 1 }, { t: 2000, v: NaN }] }] })).toEqual({
      resultType: 'matrix',
      result: [{ metric: {}, values: [[1, '1'], [2, 'NaN']] }],
    });
  });
});
