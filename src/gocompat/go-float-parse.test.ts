import { describe, expect, it } from 'vitest';
import { parseGoFloat, parseGoInt } from './go-float-parse.js';

describe('parseGoFloat', () => {
  it.each([
    ['0.25', 0.25],
    ['1e3', 1000],
    ['-.5', -0.5],
    ['5.', 5],
    ['1_000', 1000],
    ['0x1p3', 8],
    ['0x1.8p1', 3],
    ['0X_1P-2', 0.25],
    ['+Inf', Infinity],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
    ['INF', Infinity],
  ])('reads %j as %d', (text, value) => {
    expect(parseGoFloat(text)).toBe(value);
  });

  it('reads NaN in any case but not signed', () => {
    expect(parseGoFloat('nan')).toBeNaN();
    expect(parseGoFloat('+NaN')).toEqual({ error: 'invalid syntax' });
  });

  it.each(['', ' 1', '1 ', '0x1', '1__0', '_1', '1_', 'abc', 'Infin', '0x', '1e'])(
    'refuses %j, as Go’s ParseFloat does',
    (text) => {
      expect(parseGoFloat(text)).toEqual({ error: 'invalid syntax' });
    },
  );

  it.each(['1e400', '-1e400', '0x1p1024'])('refuses %j as out of range rather than reading ±Inf', (text) => {
    expect(parseGoFloat(text)).toEqual({ error: 'value out of range' });
  });
});

describe('parseGoInt', () => {
  it.each([
    ['0', 0],
    ['017', 15],
    ['0o17', 15],
    ['0x1f', 31],
    ['0X_1F', 31],
    ['0b101', 5],
    ['-1_000', -1000],
    ['+7', 7],
    ['0_7', 7],
    ['0x7fffffffffffffff', 2 ** 63],
    ['-9223372036854775808', -(2 ** 63)],
  ])('reads %j as %d', (text, value) => {
    expect(parseGoInt(text)).toBe(value);
  });

  it.each(['', '08', '019', '0x', '1e3', '1.5', '1__0', '_1', '0b2', '0x_'])('refuses %j as invalid syntax', (text) => {
    expect(parseGoInt(text)).toEqual({ error: 'invalid syntax' });
  });

  it('refuses what does not fit an int64 as out of range', () => {
    expect(parseGoInt('9223372036854775808')).toEqual({ error: 'value out of range' });
    expect(parseGoInt('-0x8000000000000001')).toEqual({ error: 'value out of range' });
  });
});
