import { describe, expect, it } from 'vitest';
import { durationMs, numberValue } from './literals.js';

describe('numberValue', () => {
  it.each([
    ['0', 0],
    ['00', 0],
    ['017', 15],
    ['018', 18],
    ['0x7fffffffffffffff', 2 ** 63],
    ['9223372036854775808', 2 ** 63],
    ['1.5e3', 1500],
    ['1E-3', 0.001],
    ['4.9e-324', 5e-324],
    ['nan', NaN],
  ])('reads %s as Go does', (text, value) => {
    expect(numberValue(text, 0)).toBe(value);
  });

  it('refuses a float that overflows, with the offset it was given', () => {
    expect(() => numberValue('1.8e308', 7)).toThrow(expect.objectContaining({ offset: 7, message: expect.stringContaining('value out of range') }));
  });
});

describe('durationMs', () => {
  it.each([
    ['1ms', 1],
    ['1s500ms', 1500],
    ['1h30m', 5_400_000],
    ['2w', 1_209_600_000],
    ['1y', 31_536_000_000],
    ['106751d', 106751 * 86_400_000],
    ['9223372036854ms', 9223372036854],
  ])('reads %s', (text, ms) => {
    expect(durationMs(text, 0)).toBe(ms);
  });

  it.each([
    ['106752d', 'duration out of range'],
    ['292y53w', 'duration out of range'],
    ['99999999999999999999999s', 'duration out of range'],
    ['0s0ms', 'duration must be greater than 0'],
    ['1h1h', 'not a valid duration string: "1h1h"'],
    ['1hs', 'not a valid duration string: "1hs"'],
  ])('refuses %s', (text, message) => {
    expect(() => durationMs(text, 3)).toThrow(message);
  });
});
