import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration-parser.js';
import { InvalidValueError } from './invalid-value-error.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['10s', 10_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1d', 86_400_000],
    ['1m30s', 90_000],
    ['1.5s', 1_500],
    ['0s', 0],
    [' 10s ', 10_000],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['10', '10x', '-5s', '', 's', '10 s', '1h 30m', '5M', 'abc'])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(InvalidValueError);
  });

  it('says what it expected and what it got', () => {
    expect(() => parseDuration('10')).toThrow('expected a duration like "10s", got "10"');
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [500, '500ms'],
    [1_500, '1s500ms'],
    [10_000, '10s'],
    [90_000, '1m30s'],
    [5_400_000, '1h30m'],
    [86_400_000, '1d'],
    [-5, '0s'],
  ])('writes %d ms as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('round-trips through parseDuration', () => {
    for (const ms of [1, 999, 61_000, 3_723_004, 90_061_001]) expect(parseDuration(formatDuration(ms))).toBe(ms);
  });
});
