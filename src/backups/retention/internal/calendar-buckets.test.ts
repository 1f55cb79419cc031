import { describe, expect, it } from 'vitest';
import { calendarBuckets } from './calendar-buckets.js';

const at = (iso: string) => Date.parse(iso);

describe('calendarBuckets', () => {
  it('reads the local date of the instant in the time zone', () => {
    expect(calendarBuckets('UTC')(at('2026-11-22T23:30:00Z'))).toEqual({ day: '2026-11-22', week: '2026-W47', month: '2026-11' });
    expect(calendarBuckets('Europe/Madrid')(at('2026-11-22T23:30:00Z'))).toEqual({ day: '2026-11-23', week: '2026-W48', month: '2026-11' });
    expect(calendarBuckets('America/Los_Angeles')(at('2026-12-01T05:00:00Z')).month).toBe('2026-11');
    expect(calendarBuckets('Asia/Kathmandu')(at('2026-11-22T18:14:00Z')).day).toBe('2026-11-22');
    expect(calendarBuckets('Asia/Kathmandu')(at('2026-11-22T18:15:00Z')).day).toBe('2026-11-23');
  });

  it('numbers ISO weeks across year ends', () => {
    const utc = calendarBuckets('UTC');
    expect(utc(at('2026-12-31T12:00:00Z')).week).toBe('2026-W53');
    expect(utc(at('2027-01-03T12:00:00Z')).week).toBe('2026-W53');
    expect(utc(at('2027-01-04T12:00:00Z')).week).toBe('2027-W01');
    expect(utc(at('2024-12-30T12:00:00Z')).week).toBe('2025-W01');
    expect(utc(at('2021-01-03T12:00:00Z')).week).toBe('2020-W53');
    expect(utc(at('2026-01-01T00:00:00Z')).week).toBe('2026-W01');
  });

  it('keeps one local day through a DST change', () => {
    const madrid = calendarBuckets('Europe/Madrid');
    // 2026-10-25: clocks go back at 03:00 CEST, so 02:30 local happens twice.
    expect(madrid(at('2026-10-25T00:30:00Z')).day).toBe('2026-10-25');
    expect(madrid(at('2026-10-25T01:30:00Z')).day).toBe('2026-10-25');
    expect(madrid(at('2026-10-25T22:59:00Z')).day).toBe('2026-10-25');
    expect(madrid(at('2026-10-25T23:00:00Z')).day).toBe('2026-10-26');
    // 2026-03-29: clocks go forward, the day has 23 hours.
    expect(madrid(at('2026-03-28T23:00:00Z')).day).toBe('2026-03-29');
    expect(madrid(at('2026-03-29T21:59:00Z')).day).toBe('2026-03-29');
    expect(madrid(at('2026-03-29T22:00:00Z')).day).toBe('2026-03-30');
  });
});
