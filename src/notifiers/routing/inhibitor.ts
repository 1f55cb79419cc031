import type { InhibitRuleConfig } from '../../config/index.js';

type Labels = Readonly<Record<string, string>>;

const matches = (wanted: Record<string, string[]>, labels: Labels) =>
  Object.entries(wanted).every(([name, values]) => values.includes(labels[name] ?? ''));

/**
 * Whether an alert is muted by a firing one under the inhibition rules. An alert never
 * inhibits itself, even when it matches both sides of a rule (as in Alertmanager).
 */
export function isInhibited(target: Labels, targetFingerprint: string, firing: Iterable<{ fingerprint: string; labels: Labels }>, rules: readonly InhibitRuleConfig[]): boolean {
  const applicable = rules.filter((rule) => matches(rule.target, target));
  if (applicable.length === 0) return false;
  for (const source of firing) {
    if (source.fingerprint === targetFingerprint) continue;
    for (const rule of applicable) {
      if (matches(rule.source, source.labels) && rule.equal.every((name) => (source.labels[name] ?? '') === (target[name] ?? ''))) return true;
    }
  }
  return false;
}
