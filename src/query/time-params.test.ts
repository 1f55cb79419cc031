import { describe, expect, it } from 'vitest';
import { parseCliTime, parsePromDuration, parsePromTime } from './time-params.js';

const NOW = Date.UTC(2026, 0, 1, 12);

describe('query time parameters', () => {
  it('reads Unix seconds with fractions and RFC 3339, as Prometheus does', () => {
    expect(parsePromTime('time', '1767268800', 0)).toBe(Date.UTC(2026, 0, 1, 12));
    expect(parsePromTime('time', '1767268800.123', 0)).toBe(Date.UTC(2026, 0, 1, 12) + 123);
    expect(parsePromTime('time', '2026-01-01T12:00:00.5Z', 0)).toBe(Date.UTC(2026, 0, 1, 12) + 500);
    expect(parsePromTime('time', undefined, 42)).toBe(42);
    expect(() => parsePromTime('time', 'noon', 0)).toThrow('time: expected Unix seconds or RFC 3339, got "noon"');
  });

  it('reads durations as seconds or Prometheus units', () => {
    expect(parsePromDuration('step', '15')).toBe(15_000);
    expect(parsePromDuration('step', '0.5')).toBe(500);
    expect(parsePromDuration('step', '1m30s')).toBe(90_000);
    expect(parsePromDuration('step', '250ms')).toBe(250);
    expect(parsePromDuration('step', undefined)).toBeUndefined();
    expect(() => parsePromDuration('step', '1 minute')).toThrow('step: expected seconds or a duration');
  });

  it('reads CLI times relative to now', () => {
    expect(parseCliTime('--at', undefined, NOW)).toBe(NOW);
    expect(parseCliTime('--at', 'now', NOW)).toBe(NOW);
    expect(parseCliTime('--at', '-15m', NOW)).toBe(NOW - 900_000);
    expect(parseCliTime('--at', '1767268800', NOW)).toBe(Date.UTC(2026, 0, 1, 12));
    expect(() => parseCliTime('--at', '-soon', NOW)).toThrow('--at: expected seconds or a duration');
  });
});
