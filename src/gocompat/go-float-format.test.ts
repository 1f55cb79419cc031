import { describe, expect, it } from 'vitest';
import { formatGoFloat, sprintGoFloat } from './go-float-format.js';

// Expected strings are Go's (fmt / strconv) output for the same value and verb.
describe('formatGoFloat', () => {
  it.each([
    [1e6, '1e+06'],
    [123456, '123456'],
    [1234567, '1.234567e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1e21, '1e+21'],
    [-0, '-0'],
    [0, '0'],
    [5e-324, '5e-324'],
    [0.1 + 0.2, '0.30000000000000004'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
    [NaN, 'NaN'],
  ])('writes %d as %s in the shortest %v form', (value, text) => {
    expect(formatGoFloat(value, 'g', -1)).toBe(text);
  });

  it('rounds the exact binary value half to even', () => {
    expect(formatGoFloat(2.5, 'f', 0)).toBe('2');
    expect(formatGoFloat(3.5, 'f', 0)).toBe('4');
    expect(formatGoFloat(0.5, 'f', 0)).toBe('0');
    expect(formatGoFloat(0.25, 'f', 1)).toBe('0.2');
    // 0.05 is slightly above 0.05 in binary, so it rounds up.
    expect(formatGoFloat(0.05, 'f', 1)).toBe('0.1');
    expect(formatGoFloat(9.99, 'f', 1)).toBe('10.0');
    expect(formatGoFloat(0.06, 'f', 0)).toBe('0');
  });

  it('formats %e, %E, %f and %g with a precision', () => {
    expect(formatGoFloat(0.75, 'e', 6)).toBe('7.500000e-01');
    expect(formatGoFloat(123456.789, 'e', 2)).toBe('1.23e+05');
    expect(formatGoFloat(1e-7, 'E', -1)).toBe('1E-07');
    expect(formatGoFloat(0.00012345, 'g', 3)).toBe('0.000123');
    expect(formatGoFloat(999.95, 'g', 4)).toBe('1000');
    expect(formatGoFloat(1.5, 'g', 4)).toBe('1.5');
    expect(formatGoFloat(1234567, 'g', 4)).toBe('1.235e+06');
    expect(formatGoFloat(1.7976931348623157e308, 'f', 0)).toHaveLength(309);
    expect(formatGoFloat(1e23, 'f', -1)).toBe('100000000000000000000000');
  });
});

describe('sprintGoFloat', () => {
  it('is fmt.Sprint of a float64, the %v form Prometheus puts in messages and expressions', () => {
    expect([1e6, 0.0001, 1.5e-5, -0, 123456, Infinity, NaN].map(sprintGoFloat)).toEqual(['1e+06', '0.0001', '1.5e-05', '-0', '123456', '+Inf', 'NaN']);
  });
});
