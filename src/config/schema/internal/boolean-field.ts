import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { byType, switchUnion } from './switch-union.js';

const EXPECTED = `expected true or false${GOT}`;

/** `true`/`false`, also as text so `insecure: ${TLS_INSECURE}` works. */
export function booleanField() {
  const asText = z.enum(['true', 'false'], { error: EXPECTED }).transform((text) => text === 'true');
  return switchUnion([z.boolean(), asText], byType({ boolean: 0, string: 1 }, EXPECTED));
}
