import type * as z from 'zod';
import { GOT } from '../../../problems/path-problem.js';
import { keyRule } from '../../internal/key-rule.js';
import { numberField } from '../../internal/number-field.js';
import { optional } from '../../internal/optional-field.js';
import { strictObject } from '../../internal/strict-object.js';

/**
 * A pair of bounds on a value, `low` and `high` being their key names (`min`/`max`,
 * `under`/`over`): at least one must be set, and `low` must not exceed `high`.
 */
export function valueBoundsSchema(low: string, high: string, describe: { low: string; high: string }) {
  return strictObject({
    [low]: optional(numberField()).describe(describe.low),
    [high]: optional(numberField()).describe(describe.high),
  })
    .check(
      keyRule((isSet, report) => {
        if (!isSet(low) && !isSet(high)) report(`missing a bound: add "${low}" or "${high}"`);
      }),
    )
    .superRefine((bounds, ctx) => {
      const [lo, hi] = [bounds[low], bounds[high]];
      if (typeof lo === 'number' && typeof hi === 'number' && lo > hi) {
        ctx.addIssue({ code: 'custom', path: [high], message: `expected at least ${low} (${lo})${GOT}`, input: hi });
      }
    }) as z.ZodType<Record<string, number | undefined>>;
}
