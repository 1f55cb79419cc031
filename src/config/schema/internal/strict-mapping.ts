import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { unknownKeysNote } from './unknown-keys-note.js';

/**
 * Like `strictObject`, for a kind whose whole setting is one mapping (`redis: {}`): given
 * anything else, the message shows what the mapping looks like (`expected a mapping like {}…`).
 */
export function strictMapping<T extends z.core.$ZodLooseShape>(shape: T, expected: string) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return unknownKeysNote(issue.keys, Object.keys(shape), {});
      if (issue.code === 'invalid_type' && issue.input !== undefined) return `expected ${expected}${GOT}`;
      return undefined;
    },
  });
}
