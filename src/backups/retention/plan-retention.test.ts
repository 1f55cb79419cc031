import { describe, expect, it } from 'vitest';
import type { RetentionPolicy } from '../../config/resolved-backup-config.js';
import { planRetention } from './plan-retention.js';
import type { RetentionCandidate } from './retention.js';

function backup(iso: string, verified = true): RetentionCandidate {
  return { id: iso.replace(/[-:]/g, ''), startedAt: Date.parse(iso), verified };
}

function kept(candidates: RetentionCandidate[], policy: Partial<RetentionPolicy>, timeZone = 'UTC'): Record<string, string[]> {
  const decisions = planRetention(candidates, { minimum: 1, ...policy }, { timeZone });
  return Object.fromEntries(decisions.filter((d) => d.keep).map((d) => [d.startedAt, d.reasons]));
}

describe('planRetention', () => {
  it('keeps the newest backup of each of the newest N days, newest first with reasons', () => {
    const backups = [
      backup('2026-11-20T02:00:00Z'),
      backup('2026-11-21T02:00:00Z'),
      backup('2026-11-21T14:00:00Z'),
      backup('2026-11-22T02:00:00Z'),
      backup('2026-11-22T14:00:00Z', false),
    ];
    const decisions = planRetention(backups, { daily: 2, minimum: 1 }, { timeZone: 'UTC' });
    expect(decisions).toEqual([
      { id: '20261122T140000Z', startedAt: '2026-11-22T14:00:00.000Z', keep: true, reasons: ['daily 2026-11-22'] },
      { id: '20261122T020000Z', startedAt: '2026-11-22T02:00:00.000Z', keep: true, reasons: ['newest verified'] },
      { id: '20261121T140000Z', startedAt: '2026-11-21T14:00:00.000Z', keep: true, reasons: ['daily 2026-11-21'] },
      { id: '20261121T020000Z', startedAt: '2026-11-21T02:00:00.000Z', keep: false, reasons: [] },
      { id: '20261120T020000Z', startedAt: '2026-11-20T02:00:00.000Z', keep: false, reasons: [] },
    ]);
  });

  it('counts only days that have backups, as restic does', () => {
    const backups = [backup('2026-11-01T02:00:00Z'), backup('2026-11-10T02:00:00Z'), backup('2026-11-22T02:00:00Z')];
    expect(Object.keys(kept(backups, { daily: 2 }))).toEqual(['2026-11-22T02:00:00.000Z', '2026-11-10T02:00:00.000Z']);
  });

  it('combines rules and lists every reason', () => {
    const backups = [backup('2026-10-31T02:00:00Z'), backup('2026-11-15T02:00:00Z'), backup('2026-11-22T02:00:00Z'), backup('2026-11-22T03:00:00Z')];
    expect(kept(backups, { last: 2, weekly: 2, monthly: 2 })).toEqual({
      '2026-11-22T03:00:00.000Z': ['last 1', 'weekly 2026-W47', 'monthly 2026-11', 'newest verified'],
      '2026-11-22T02:00:00.000Z': ['last 2'],
      '2026-11-15T02:00:00.000Z': ['weekly 2026-W46'],
      '2026-10-31T02:00:00.000Z': ['monthly 2026-10'],
    });
  });

  it('buckets by the local date of the configured time zone', () => {
    // 23:30 UTC on the 21st is already the 22nd in Madrid, the same day as the 02:00 UTC backup.
    const backups = [backup('2026-11-21T23:30:00Z'), backup('2026-11-22T02:00:00Z')];
    expect(Object.keys(kept(backups, { daily: 2 }, 'UTC'))).toHaveLength(2);
    expect(Object.keys(kept(backups, { daily: 2 }, 'Europe/Madrid'))).toEqual(['2026-11-22T02:00:00.000Z']);
  });

  it('sees one local day on the night clocks go back, and the next local day after midnight', () => {
    // Europe/Madrid, 2026-10-25: 02:30 local happens at 00:30Z and again at 01:30Z.
    const backups = [backup('2026-10-24T21:30:00Z'), backup('2026-10-25T00:30:00Z'), backup('2026-10-25T01:30:00Z'), backup('2026-10-25T23:30:00Z')];
    expect(kept(backups, { daily: 3 }, 'Europe/Madrid')).toEqual({
      '2026-10-25T23:30:00.000Z': ['daily 2026-10-26', 'newest verified'],
      '2026-10-25T01:30:00.000Z': ['daily 2026-10-25'],
      '2026-10-24T21:30:00.000Z': ['daily 2026-10-24'],
    });
  });

  it('never deletes the newest verified backup, and keeps the newest verified up to the minimum', () => {
    const backups = [
      backup('2026-11-18T02:00:00Z'),
      backup('2026-11-19T02:00:00Z'),
      backup('2026-11-20T02:00:00Z'),
      backup('2026-11-21T02:00:00Z', false),
      backup('2026-11-22T02:00:00Z', false),
    ];
    expect(kept(backups, { last: 1, minimum: 3 })).toEqual({
      '2026-11-22T02:00:00.000Z': ['last 1'],
      '2026-11-20T02:00:00.000Z': ['newest verified'],
      '2026-11-19T02:00:00.000Z': ['minimum 3'],
      '2026-11-18T02:00:00.000Z': ['minimum 3'],
    });
  });

  it('takes the floor from the newest verified, so a larger rule never deletes what a smaller kept', () => {
    const backups = [backup('2026-11-21T02:00:00Z'), backup('2026-11-22T02:00:00Z'), backup('2026-11-22T03:00:00Z')];
    const withOneDay = kept(backups, { daily: 1, minimum: 2 });
    const withTwoDays = kept(backups, { daily: 2, minimum: 2 });
    expect(Object.keys(withOneDay)).toEqual(['2026-11-22T03:00:00.000Z', '2026-11-22T02:00:00.000Z']);
    expect(Object.keys(withTwoDays)).toEqual(['2026-11-22T03:00:00.000Z', '2026-11-22T02:00:00.000Z', '2026-11-21T02:00:00.000Z']);
  });

  it('keeps everything when the policy has no rules', () => {
    const backups = [backup('2026-11-21T02:00:00Z', false), backup('2026-11-22T02:00:00Z', false)];
    expect(planRetention(backups, { minimum: 1 }, {}).every((d) => d.keep && d.reasons[0] === 'no keep rules')).toBe(true);
  });

  it('plans nothing for no backups', () => {
    expect(planRetention([], { daily: 7, minimum: 1 }, { timeZone: 'UTC' })).toEqual([]);
  });
});
