import * as z from 'zod';
import { didYouMean } from '../problems/did-you-mean.js';
import { GOT } from '../problems/path-problem.js';
import { channelKinds } from './channels/channel-kinds.js';
import { nameField } from './internal/name-field.js';
import { optional } from './internal/optional-field.js';
import { containerError } from './internal/parsed-text.js';
import { strictObject } from './internal/strict-object.js';
import { switchUnion } from './internal/switch-union.js';
import { unknownKeysNote } from './internal/unknown-keys-note.js';

const KIND_KEYS: readonly string[] = channelKinds.map((kind) => kind.key);
const CHOICES = KIND_KEYS.map((key) => `"${key}"`).join(', ');

/** A misspelt kind gets "unknown channel kind … did you mean" at its own key. */
function unknownKindHints(keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    keys.map((key) => {
      const guess = didYouMean(key, KIND_KEYS);
      const hint = guess ? `; did you mean "${guess}"?` : `; expected one of ${CHOICES}`;
      return [key, `unknown channel kind ${JSON.stringify(key)}${hint}`];
    }),
  );
}

function selectKind(input: unknown): number | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return `expected a mapping with one of ${CHOICES}${GOT}`;
  const keys = Object.keys(input);
  const present = KIND_KEYS.filter((key) => keys.includes(key));
  if (present.length === 1) return KIND_KEYS.indexOf(present[0] as string);
  if (present.length > 1) return `has ${present.map((key) => `"${key}"`).join(' and ')}: a channel is one kind; define one channel per kind`;
  if (keys.length === 0) return `missing the channel kind: add one of ${CHOICES}`;
  return unknownKeysNote(keys, KIND_KEYS, unknownKindHints(keys));
}

const options = channelKinds.map((kind) =>
  strictObject({ [kind.key]: kind.schema }).describe(`A channel of kind "${kind.key}".`),
) as unknown as [z.ZodType<Record<string, unknown>>, ...z.ZodType<Record<string, unknown>>[]];

/** One channel: exactly one kind key (`slack`, `email`, `webhook`…) with its settings. */
export const channelSchema = switchUnion(options, selectKind).describe(`A notification channel: exactly one of ${CHOICES}.`);

/** `channels:` — where notifications go, by name. */
export const channelsSchema = optional(
  z.record(nameField('a channel name'), channelSchema, { error: containerError(`expected a mapping of channel names to channels${GOT}`) }),
).describe('Notification channels by name, each exactly one kind: `ops: { slack: { webhook: ${SLACK_WEBHOOK} } }`. Routes refer to them by name.');
