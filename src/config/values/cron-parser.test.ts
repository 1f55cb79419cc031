import { describe, expect, it } from 'vitest';
import { parseCron, parseTimezone } from './cron-parser.js';

describe('parseCron', () => {
  it('accepts a five-field expression', () => {
    expect(parseCron('0 2 * * *')).toEqual({ expr: '0 2 * * *' });
  });

  it('accepts an IANA time zone', () => {
    expect(parseCron('0 2 * * *', 'Europe/Madrid')).toEqual({ expr: '0 2 * * *', timezone: 'Europe/Madrid' });
  });

  it('accepts six fields (seconds first) and nicknames', () => {
    expect(parseCron('30 0 2 * * *').expr).toBe('30 0 2 * * *');
    expect(parseCron('@daily').expr).toBe('@daily');
  });

  it('rejects an invalid time zone', () => {
    expect(() => parseCron('0 2 * * *', 'Mars/Base')).toThrow('expected an IANA time zone like "Europe/Madrid", got "Mars/Base"');
  });

  it('rejects a field out of range, with the reason', () => {
    expect(() => parseCron('61 * * * *')).toThrow('expected a cron expression like "0 2 * * *", got "61 * * * *" (invalid value for minute: 61)');
  });

  it('rejects the wrong number of fields', () => {
    expect(() => parseCron('* * *')).toThrow('(5 fields, or 6 with seconds first)');
  });

  it('rejects a schedule that never fires', () => {
    expect(() => parseCron('0 0 31 2 *')).toThrow('(it never fires)');
  });
});

describe('parseTimezone', () => {
  it('accepts UTC and region names', () => {
    expect(parseTimezone('UTC')).toBe('UTC');
    expect(parseTimezone('America/New_York')).toBe('America/New_York');
  });
});
