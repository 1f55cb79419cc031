import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { durationField } from '../internal/duration-field.js';
import { optional } from '../internal/optional-field.js';
import { typeError } from '../internal/parsed-text.js';
import { strictMapping } from '../internal/strict-mapping.js';
import { byType, switchUnion } from '../internal/switch-union.js';
import { urlField } from '../internal/url-field.js';

/** A delivery slower than this is abandoned and retried: a hung receiver must not hold the outbox. */
export const DEFAULT_CHANNEL_TIMEOUT_MS = 10_000;

/** A kind's mapping: its own keys plus `timeout`, which every kind has. */
export function channelMapping<T extends z.core.$ZodLooseShape>(shape: T, expected: string) {
  return strictMapping(
    {
      ...shape,
      timeout: optional(durationField({ min: 100 })).describe('Give up on a delivery after this long (it is retried). Default: 10s.'),
    },
    expected,
  );
}

/** An absolute http(s) URL; `example` appears in the message. */
export function httpUrlField(example: string) {
  return urlField(['http:', 'https:'], `an absolute http(s) URL like "${example}"`);
}

const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.?[^\s@<>",;]*$/;
const NAMED_ADDRESS = /^[^<>]*<([^\s@<>",;]+@[^\s@<>",;]+)>$/;

/** `ops@example.com` or `Ops <ops@example.com>`. */
export function isEmailAddress(text: string): boolean {
  const trimmed = text.trim();
  const named = NAMED_ADDRESS.exec(trimmed);
  return ADDRESS.test(named ? (named[1] as string) : trimmed);
}

const ADDRESS_EXPECTED = `expected an e-mail address like "oncall@example.com"${GOT}`;

/** One e-mail address. */
export const emailAddressField = z.string({ error: typeError(ADDRESS_EXPECTED) }).refine(isEmailAddress, { error: ADDRESS_EXPECTED });

/** One address or a non-empty list of them, as a list. */
export const emailAddressList = switchUnion(
  [emailAddressField, z.array(emailAddressField).min(1, { error: `expected at least one address${GOT}` })],
  byType({ string: 0, array: 1 }, `expected an e-mail address or a list of them${GOT}`),
).transform((value): string[] => (Array.isArray(value) ? value : [value]));

/** Text that is required and not empty (tokens, ids). */
export function textField(expected: string) {
  const message = `expected ${expected}${GOT}`;
  return switchUnion([z.string().min(1, { error: message }), z.number()], byType({ string: 0, number: 1 }, message)).transform(String);
}
