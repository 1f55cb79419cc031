import * as z from 'zod';
import { switchUnion } from './switch-union.js';

/**
 * An optional setting. Absent, empty (`key:`) and the empty string (`${VAR:-}` with VAR
 * unset) all mean "not set", so an empty environment variable turns a setting off.
 */
export function optional<T extends z.ZodType>(field: T) {
  return switchUnion([z.null(), z.literal(''), field], (input) => (input === null ? 0 : input === '' ? 1 : 2))
    .transform((value): z.output<T> | undefined => (value === null || value === '' ? undefined : (value as z.output<T>)))
    .optional();
}
