import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.js';
import { formatDuration } from './format-duration.js';
import { formatUtcTime } from './format-utc-time.js';
import { redactUrl, stripUserinfo } from './redact-url.js';

describe('reason formatting', () => {
  it('formats durations briefly', () => {
    expect(formatDuration(812)).toBe('812 ms');
    expect(formatDuration(5_000)).toBe('5 s');
    expect(formatDuration(1_500)).toBe('1.5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(5_400_000)).toBe('1 h 30 min');
    expect(formatDuration(172_800_000)).toBe('2 d');
  });

  it('formats sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_048_576)).toBe('1 MiB');
    expect(formatBytes(1_536)).toBe('1.5 KiB');
  });

  it('formats times in UTC, with the date only when it is another day', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    expect(formatUtcTime(Date.UTC(2026, 0, 1, 2, 10), now)).toBe('02:10 UTC');
    expect(formatUtcTime(Date.UTC(2026, 0, 1, 2, 10, 5), now)).toBe('02:10:05 UTC');
    expect(formatUtcTime(Date.UTC(2026, 0, 2, 2, 10), now)).toBe('2026-01-02 02:10 UTC');
  });

  it('strips credentials from URLs and free text', () => {
    expect(redactUrl('https://user:secret@example.com/health')).toBe('https://example.com/health');
    expect(stripUserinfo('failed to reach postgres://app:pw@db:5432/app')).toBe('failed to reach postgres://db:5432/app'); // guardia:allow-secret
  });
});
