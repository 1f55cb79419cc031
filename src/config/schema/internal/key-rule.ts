import * as z from 'zod';

/** Reports a problem from a key rule: `path` is relative to the mapping the rule is on. */
export type KeyRuleReport = (message: string, path?: (string | number)[]) => void;

/**
 * A rule about which keys of a mapping are set ("exactly one of period or cron"). It runs
 * even when other keys of the mapping have problems, so every problem is reported at once;
 * it reads only which keys are set (`isSet`: present and not empty; `keys`: present), never
 * values that may have failed to parse.
 */
export function keyRule(rule: (isSet: (key: string) => boolean, report: KeyRuleReport, keys: string[]) => void) {
  return z.superRefine<Record<string, unknown>>(
    (value, ctx) => {
      const isSet = (key: string): boolean => value[key] !== undefined && value[key] !== null && value[key] !== '';
      rule(isSet, (message, path = []) => ctx.addIssue({ code: 'custom', message, path }), Object.keys(value));
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) },
  );
}
