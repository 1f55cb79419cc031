import { describe, expect, it } from 'vitest';
import { parseGoFloat } from './go-float.js';

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
    expect(parseGoFloat('+NaN')).toBeUndefined();
  });

  it.each(['', ' 1', '1 ', '1e400', '-1e400', '0x1', '1__0', '_1', '1_', 'abc', 'Infin', '0x', '1e'])(
    'refuses %j, as Go’s ParseFloat does',
    (text) => {
      expect(parseGoFloat(text)).toBeUndefined();
    },
  );
});
