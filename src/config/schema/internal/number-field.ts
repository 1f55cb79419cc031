import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { TEMPLATE_PATTERN } from './json-schema-edits.js';
import { byType, switchUnion } from './switch-union.js';

const DECIMAL = /^\s*[+-]?\d+(?:\.\d+)?\s*$/;

/**
 * A number, also accepted as numeric text so `port: ${PORT}` works (interpolation always
 * yields text). `integer` limits it to whole numbers; `min`/`max` are inclusive.
 */
export function numberField(options: { min?: number; max?: number; integer?: boolean } = {}) {
  const { min, max, integer = false } = options;
  const error = `expected ${describe(min, max, integer)}${GOT}`;
  let asNumber = z.number({ error });
  if (integer) asNumber = asNumber.int({ error });
  if (min !== undefined) asNumber = asNumber.min(min, { error });
  if (max !== undefined) asNumber = asNumber.max(max, { error });
  const asText = z
    .string()
    .refine((text) => DECIMAL.test(text) && asNumber.safeParse(Number(text)).success, { error })
    .transform(Number)
    .meta({ pattern: `${DECIMAL.source}|${TEMPLATE_PATTERN}`, description: 'The number as text, e.g. `${PORT}`.' });
  return switchUnion([asNumber, asText], byType({ number: 0, string: 1 }, error));
}

function describe(min: number | undefined, max: number | undefined, integer: boolean): string {
  const noun = integer ? 'a whole number' : 'a number';
  if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
  if (min !== undefined) return `${noun} ≥ ${min}`;
  if (max !== undefined) return `${noun} ≤ ${max}`;
  return noun;
}
