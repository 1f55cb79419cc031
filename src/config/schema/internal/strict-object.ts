import * as z from 'zod';
import { unknownKeysNote } from './unknown-keys-note.js';

/**
 * `z.strictObject` whose unknown-key issues know the valid keys, so each unknown key is
 * reported at its own position with "did you mean". `hints` gives a better message for
 * keys that are valid elsewhere (`expect` on a tcp probe).
 */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T, hints: Record<string, string> = {}) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeysNote(issue.keys, Object.keys(shape), hints) : undefined),
  });
}
