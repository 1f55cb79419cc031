import { optional } from './internal/optional-field.js';
import { strictObject } from './internal/strict-object.js';
import { probeTimingShape } from './probe-timing-schema.js';

/** `defaults:` — scheduling settings applied to every probe that does not set its own. */
export const defaultsSchema = optional(strictObject(probeTimingShape)).describe(
  'Defaults for every probe: `every`, `timeout`, `retries`, `retry_delay`, `degraded_over`, `jitter`.',
);
