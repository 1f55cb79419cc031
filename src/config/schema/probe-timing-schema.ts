import { durationField } from './internal/duration-field.js';
import { numberField } from './internal/number-field.js';
import { optional } from './internal/optional-field.js';

/** Scheduling settings every probe has; `defaults:` sets them for all probes at once. */
export const probeTimingShape = {
  every: optional(durationField({ min: 1000 })).describe('How often the probe runs, e.g. `30s`. At least 1s. Default: `defaults.every`, else 30s.'),
  timeout: optional(durationField({ min: 1 })).describe(
    'How long one attempt may take, e.g. `5s`. Must not exceed `every`. Default: `defaults.timeout`, else 10s, capped at `every`.',
  ),
  retries: optional(numberField({ min: 0, max: 10, integer: true })).describe(
    'Extra attempts within one run before the probe is reported down, 0-10. Default: `defaults.retries`, else 0.',
  ),
  retry_delay: optional(durationField()).describe('Pause between attempts. Default: `defaults.retry_delay`, else 1s.'),
  degraded_over: optional(durationField()).describe('Latency above which an otherwise healthy result is `degraded`, e.g. `500ms`. Default: none.'),
  jitter: optional(durationField()).describe(
    'Spread the first runs of probes over up to this long, so they do not all fire at once. Must not exceed `every`. Default: 10% of `every`, at most 10s.',
  ),
};
