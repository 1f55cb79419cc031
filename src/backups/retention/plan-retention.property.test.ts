import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RetentionPolicy } from '../../config/resolved-backup-config.js';
import { planRetention } from './plan-retention.js';
import type { RetentionCandidate } from './retention.js';

const TIME_ZONES = ['UTC', 'Europe/Madrid', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe'];
const START = Date.UTC(2025, 0, 1);
const SPAN_MS = 2 * 365 * 86_400_000;

const candidates = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z0-9]{1,8}$/),
      // Clustered instants too, so that several backups share a day or a second.
      startedAt: fc.oneof(fc.integer({ min: START, max: START + SPAN_MS }), fc.integer({ min: START, max: START + 3 * 86_400_000 })),
      verified: fc.boolean(),
    }),
    { selector: (c) => c.id, maxLength: 60 },
  )
  .map((list): RetentionCandidate[] => list);

/** A list and the same list in another order. */
const withShuffle = candidates.chain((list) =>
  fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
);

const count = fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined });
const policy = fc.record({ last: count, daily: count, weekly: count, monthly: count, minimum: fc.integer({ min: 0, max: 6 }) });
const timeZone = fc.constantFrom(...TIME_ZONES);

function keptIds(list: readonly RetentionCandidate[], p: RetentionPolicy, tz: string): Set<string> {
  return new Set(planRetention(list, p, { timeZone: tz }).filter((d) => d.keep).map((d) => d.id));
}

function newestFirst(list: readonly RetentionCandidate[]): RetentionCandidate[] {
  return [...list].sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1));
}

describe('planRetention properties', () => {
  it('always keeps the newest verified backup', () => {
    fc.assert(
      fc.property(candidates, policy, timeZone, (list, p, tz) => {
        const newest = newestFirst(list).find((c) => c.verified);
        if (newest) expect(keptIds(list, p, tz).has(newest.id)).toBe(true);
      }),
    );
  });

  it('keeps at least the newest `last` backups and `minimum` verified ones', () => {
    fc.assert(
      fc.property(candidates, policy, timeZone, (list, p, tz) => {
        const kept = keptIds(list, p, tz);
        const sorted = newestFirst(list);
        for (const c of sorted.slice(0, p.last ?? 0)) expect(kept.has(c.id)).toBe(true);
        const verified = sorted.filter((c) => c.verified);
        expect(verified.filter((c) => kept.has(c.id)).length).toBeGreaterThanOrEqual(Math.min(p.minimum, verified.length));
      }),
    );
  });

  it('decides the same whatever the input order, newest first, each kept one with a reason', () => {
    fc.assert(
      fc.property(withShuffle, policy, timeZone, ([list, shuffled], p, tz) => {
        const plan = planRetention(list, p, { timeZone: tz });
        expect(planRetention(shuffled, p, { timeZone: tz })).toEqual(plan);
        expect(plan.map((d) => d.id)).toEqual(newestFirst(list).map((c) => c.id));
        for (const d of plan) expect(d.keep).toBe(d.reasons.length > 0);
      }),
    );
  });

  it('never keeps less when a number in the policy grows', () => {
    const rule = fc.constantFrom('last', 'daily', 'weekly', 'monthly', 'minimum');
    fc.assert(
      fc.property(candidates, policy, timeZone, rule, fc.integer({ min: 1, max: 5 }), (list, p, tz, r, more) => {
        const base = p[r as keyof RetentionPolicy];
        // From "no rule" (keep all) to a rule is a change of kind, not a growth.
        if (base === undefined) return;
        const bigger = { ...p, [r]: base + more };
        const before = keptIds(list, p, tz);
        const after = keptIds(list, bigger, tz);
        for (const id of before) expect(after.has(id)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
