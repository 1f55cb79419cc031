import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { byType, switchUnion } from '../internal/switch-union.js';

const EXPECTED = 'age recipients like "age1…" or "ssh-ed25519 AAAA…"';
/** X25519 (`age1` + 58 bech32 characters) or a plugin recipient (`age1<plugin>1…`). */
const AGE_RECIPIENT = /^age1(?:[a-z0-9]+1)?[02-9ac-hj-np-z]{20,}$/;
const SSH_RECIPIENT = /^ssh-(?:ed25519|rsa) [A-Za-z0-9+/]+={0,2}(?: \S.*)?$/;

/** True when `text` has the shape of one age recipient (`age1…`, `ssh-ed25519 …`, `ssh-rsa …`). */
export function isAgeRecipient(text: string): boolean {
  return AGE_RECIPIENT.test(text) || SSH_RECIPIENT.test(text);
}

/**
 * Splits a recipient text: commas and line breaks always separate; spaces separate `age1…`
 * recipients but not the parts of an `ssh-…` key (`ssh-ed25519 AAAA… comment`).
 */
export function splitRecipients(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .flatMap((part) => (part.startsWith('ssh-') ? [part.replace(/\s+/g, ' ')] : part.split(/\s+/)));
}

function recipientsOf(text: string, ctx: z.RefinementCtx): string[] {
  const recipients = splitRecipients(text);
  const bad = recipients.find((recipient) => !isAgeRecipient(recipient));
  if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `expected ${EXPECTED}${GOT} ("${bad.slice(0, 24)}" is not one)`, input: text });
  return recipients;
}

/**
 * `encrypt_to`: one text (recipients separated by commas or spaces, so one variable can hold
 * several) or a list. The empty text means no encryption.
 */
export function ageRecipientsField() {
  const asText = z.string().transform((text, ctx) => recipientsOf(text, ctx));
  const asList = z.array(z.string({ error: `expected ${EXPECTED}${GOT}` })).transform((list, ctx) => list.flatMap((text) => recipientsOf(text, ctx)));
  return switchUnion([asText, asList], byType({ string: 0, array: 1 }, `expected ${EXPECTED} (a text or a list)${GOT}`));
}
