import { describe, expect, it } from 'vitest';
import { formatPromDuration, parsePromDuration } from './prom-duration.js';

describe('parsePromDuration', () => {
  it.each([
    ['0', 0],
    ['0s', 0],
    ['90s', 90_000],
    ['1m30s', 90_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
    ['1y', 31_536_000_000],
    ['500ms', 500],
    ['1h30m15s250ms', 5_415_250],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parsePromDuration(text)).toBe(ms);
  });

  it.each(['', '5', '1.5m', '-5m', '5M', '30m1h', '1m1m', ' 5m', '5x'])('refuses %j as Prometheus does', (text) => {
    expect(parsePromDuration(text)).toEqual({ error: expect.any(String) });
  });

  it('names the text it refuses', () => {
    expect(parsePromDuration('5x')).toEqual({ error: 'not a valid duration string: "5x"' });
    expect(parsePromDuration('')).toEqual({ error: 'empty duration string' });
    expect(parsePromDuration('999999y')).toEqual({ error: 'duration out of range' });
  });
});

describe('formatPromDuration', () => {
  it.each([
    [0, '0s'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [86_400_000 * 90, '90d'],
    [604_800_000 * 2, '2w'],
    [31_536_000_000, '1y'],
    [1_500, '1s500ms'],
  ])('writes %d ms as %j, like model.Duration', (ms, text) => {
    expect(formatPromDuration(ms)).toBe(text);
  });
});
