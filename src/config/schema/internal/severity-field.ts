import { z } from 'zod';
import { GOT } from '../../problems/path-problem.js';

/** DESIGN.md's severities; `warning` and `info` are the Prometheus words for medium and low. */
export const SEVERITY_WORDS = { critical: 'critical', high: 'high', medium: 'medium', low: 'low', warning: 'medium', info: 'low' } as const;

/** A severity word, resolved to guardia's four. */
export function severityField(expected = 'a severity: critical, high, medium or low') {
  return z
    .enum(Object.keys(SEVERITY_WORDS) as [keyof typeof SEVERITY_WORDS], { error: `expected ${expected}${GOT}` })
    .transform((word) => SEVERITY_WORDS[word]);
}

/** A `severity` label value in a matcher, spelled as users write it, compared as alerts carry it. */
export function normalizeSeverityValue(value: string): string {
  return (SEVERITY_WORDS as Record<string, string>)[value] ?? value;
}
