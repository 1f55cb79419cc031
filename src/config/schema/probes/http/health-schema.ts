import * as z from 'zod';
import { GOT } from '../../../problems/path-problem.js';
import type { HttpProbeSpec } from '../../../resolved-config.js';
import { optional } from '../../internal/optional-field.js';
import { strictObject } from '../../internal/strict-object.js';
import { byType, switchUnion } from '../../internal/switch-union.js';
import { DEFAULT_HEALTH_VOCABULARY, mergeHealthVocabulary } from './health-vocabulary.js';

type HealthSpec = HttpProbeSpec['health'];
type HealthMode = HealthSpec['mode'];

const MODE_WORDS: Record<string, HealthMode> = { auto: 'auto', on: 'on', off: 'off', true: 'on', false: 'off' };
const MODE_EXPECTED = `expected auto, true or false${GOT}`;

const mode = switchUnion(
  [z.boolean(), z.enum(['auto', 'on', 'off', 'true', 'false'], { error: MODE_EXPECTED })],
  byType({ boolean: 0, string: 1 }, MODE_EXPECTED),
).transform((value): HealthMode => MODE_WORDS[String(value)] ?? 'auto');

const words = z.array(z.string().min(1)).describe('Status words, compared case-insensitively.');

const detailed = strictObject({
  mode: optional(mode).describe('auto (default), true or false.'),
  vocabulary: optional(
    strictObject({
      up: optional(words).describe('Words meaning up, added to ok, healthy, up, pass, connected.'),
      degraded: optional(words).describe('Words meaning degraded, added to warn, warning, degraded.'),
      down: optional(words).describe('Words meaning down, added to error, critical, fail, down, unhealthy, disconnected.'),
    }),
  ).describe('Extra status words, merged over the default vocabulary.'),
});

/** The resolved health setting when a probe says nothing. */
export const DEFAULT_HEALTH: HealthSpec = { mode: 'auto', vocabulary: mergeHealthVocabulary({}) };

/** `health:` — whether to read a `{status, checks}` health JSON body. */
export const healthSchema = switchUnion(
  [mode, detailed],
  byType({ boolean: 0, string: 0, object: 1 }, `expected auto, true, false or a mapping with "vocabulary"${GOT}`),
)
  .transform((value): HealthSpec => {
    if (typeof value === 'string') return { mode: value, vocabulary: mergeHealthVocabulary({}) };
    return { mode: value.mode ?? 'auto', vocabulary: mergeHealthVocabulary(value.vocabulary ?? {}) };
  })
  .describe(
    `Read a health JSON body ({status, checks}): auto (when the body looks like one; default), true, false, or { vocabulary: { up, degraded, down } }. Default words: up = ${DEFAULT_HEALTH_VOCABULARY.up.join(', ')}; degraded = ${DEFAULT_HEALTH_VOCABULARY.degraded.join(', ')}; down = ${DEFAULT_HEALTH_VOCABULARY.down.join(', ')}.`,
  );
