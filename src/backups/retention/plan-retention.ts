import type { RetentionPolicy } from '../../config/resolved-backup-config.js';
import { calendarBuckets, type CalendarBuckets } from './internal/calendar-buckets.js';
import type { PlanRetention, RetentionCandidate, RetentionDecision } from './retention.js';

type Rule = 'last' | 'daily' | 'weekly' | 'monthly';
const RULES: readonly Rule[] = ['last', 'daily', 'weekly', 'monthly'];

/**
 * Plans which backups to keep, as restic's `forget --keep-*` does: backups are walked newest
 * first and, for each rule with count N, a backup is kept when its period (day, ISO week,
 * month in the local time zone; itself for `last`) differs from that of the previous kept
 * one, until N periods are used. Periods without backups use none of the N.
 *
 * Then two floors, whatever the rules say: the newest verified backup is always kept, and so
 * are the newest `minimum` verified ones. The floor takes the newest verified backups rather
 * than topping up the rules' verified count, so that raising any number in the policy never
 * deletes a backup the smaller number would keep. A policy without rules keeps everything.
 * Decisions come newest first (ties by id), each kept one with every reason that keeps it.
 */
export const planRetention: PlanRetention = (candidates, policy, options) => {
  const sorted = [...candidates].sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const reasons = new Map<string, string[]>(sorted.map((c) => [c.id, []]));
  const keepFor = (candidate: RetentionCandidate, reason: string) => reasons.get(candidate.id)?.push(reason);

  const rules = RULES.filter((rule) => policy[rule] !== undefined);
  if (rules.length === 0) sorted.forEach((candidate) => keepFor(candidate, 'no keep rules'));
  const bucketsOf = calendarBuckets(options.timeZone);
  for (const rule of rules) applyRule(rule, policy, sorted, bucketsOf, keepFor);

  const verified = sorted.filter((candidate) => candidate.verified);
  const newestVerified = verified[0];
  if (newestVerified) keepFor(newestVerified, 'newest verified');
  for (const candidate of verified.slice(1, policy.minimum)) keepFor(candidate, `minimum ${policy.minimum}`);

  return sorted.map((candidate): RetentionDecision => {
    const why = reasons.get(candidate.id) ?? [];
    return { id: candidate.id, startedAt: new Date(candidate.startedAt).toISOString(), keep: why.length > 0, reasons: why };
  });
};

function applyRule(
  rule: Rule,
  policy: RetentionPolicy,
  newestFirst: readonly RetentionCandidate[],
  bucketsOf: (epochMs: number) => CalendarBuckets,
  keepFor: (candidate: RetentionCandidate, reason: string) => void,
): void {
  let remaining = policy[rule] ?? 0;
  let previous: string | undefined;
  for (const [index, candidate] of newestFirst.entries()) {
    if (remaining <= 0) return;
    const period = rule === 'last' ? String(index + 1) : periodOf(rule, bucketsOf(candidate.startedAt));
    if (period === previous) continue;
    previous = period;
    remaining--;
    keepFor(candidate, `${rule} ${period}`);
  }
}

function periodOf(rule: Exclude<Rule, 'last'>, buckets: CalendarBuckets): string {
  return rule === 'daily' ? buckets.day : rule === 'weekly' ? buckets.week : buckets.month;
}
