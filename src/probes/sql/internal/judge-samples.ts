import type { ValueBounds } from '../../../config/resolved-config.js';
import type { ProbeMetric, ProbeOutcome } from '../../probe.js';
import type { Sample } from './read-samples.js';

/** How many out-of-bounds series a reason lists before "and N more". */
const LISTED = 3;

/**
 * Every sample becomes `guardia_probe_value`; the probe is down when a value is outside
 * `expect` (`value 7 above max 5`), degraded when outside `degraded`
 * (`value{status="pending"} 4 over 3`), else up (`value 3`, `4 rows`).
 */
export function judgeSamples(samples: Sample[], thresholds: { expect: ValueBounds; degraded: ValueBounds }): ProbeOutcome {
  const metrics: ProbeMetric[] = samples.map((s) => ({
    name: 'guardia_probe_value',
    help: 'The value a sql probe read, one series per row.',
    type: 'gauge',
    labels: s.labels,
    value: s.value,
  }));
  const down = samples.flatMap((s) => outside(s, thresholds.expect, 'above max', 'below min'));
  if (down.length > 0) return { status: 'down', reason: list(down), metrics };
  const degraded = samples.flatMap((s) => outside(s, thresholds.degraded, 'over', 'under'));
  if (degraded.length > 0) return { status: 'degraded', reason: list(degraded), metrics };
  const only = samples.length === 1 ? samples[0] : undefined;
  return { status: 'up', reason: only ? `${seriesName(only)} ${only.value}` : `${samples.length} rows`, metrics };
}

function outside(sample: Sample, bounds: ValueBounds, above: string, below: string): string[] {
  const name = `${seriesName(sample)} ${sample.value}`;
  if (bounds.max !== undefined && sample.value > bounds.max) return [`${name} ${above} ${bounds.max}`];
  if (bounds.min !== undefined && sample.value < bounds.min) return [`${name} ${below} ${bounds.min}`];
  return [];
}

/** `value`, or `value{status="pending"}` for a labelled row. */
function seriesName(sample: Sample): string {
  const labels = Object.entries(sample.labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return labels.length > 0 ? `value{${labels.join(',')}}` : 'value';
}

function list(findings: string[]): string {
  const more = findings.length - LISTED;
  return findings.slice(0, LISTED).join('; ') + (more > 0 ? `; and ${more} more` : '');
}
