import * as z from 'zod';
import { GOT } from '../../../problems/path-problem.js';
import type { StatusRange } from '../../../resolved-config.js';
import { InvalidValueError } from '../../../values/invalid-value-error.js';
import { parsedText } from '../../internal/parsed-text.js';
import { byType, switchUnion } from '../../internal/switch-union.js';

const EXPECTED = 'an HTTP status like 200, "2xx" or "200-299"';

/** Parses `200`, `2xx` or `200-299` into an inclusive range of codes 100-599. */
export function parseStatusRange(text: string): StatusRange {
  const trimmed = text.trim();
  const klass = /^([1-5])xx$/i.exec(trimmed);
  if (klass) return { min: Number(klass[1]) * 100, max: Number(klass[1]) * 100 + 99 };
  const range = /^(\d{3})(?:\s*-\s*(\d{3}))?$/.exec(trimmed);
  const min = Number(range?.[1]);
  const max = range?.[2] === undefined ? min : Number(range[2]);
  if (!range || min < 100 || max > 599 || min > max) throw new InvalidValueError(EXPECTED, text);
  return { min, max };
}

const code = z
  .int({ error: `expected ${EXPECTED}${GOT}` })
  .min(100, { error: `expected ${EXPECTED}${GOT}` })
  .max(599, { error: `expected ${EXPECTED}${GOT}` })
  .transform((n): StatusRange => ({ min: n, max: n }));
const one = switchUnion([code, parsedText(parseStatusRange, EXPECTED)], byType({ number: 0, string: 1 }, `expected ${EXPECTED}${GOT}`));

/** `expect.status`: one status or a list; each a code, a class (`2xx`) or a range. */
export const statusSchema = switchUnion(
  [one, z.array(one).min(1)],
  byType({ number: 0, string: 0, array: 1 }, `expected ${EXPECTED}, or a list of them${GOT}`),
)
  .transform((value): StatusRange[] => (Array.isArray(value) ? value : [value]))
  .describe('Accepted status: `200`, `"2xx"`, `"200-299"`, or a list such as `[200, "3xx"]`. Default: 2xx.');
