import type { AppendSample, Labels } from '../../tsdb/index.js';
import type { MetricFamily, ProbeResult, ProbeStatus } from '../probe.js';

const STATE_VALUE: Record<ProbeStatus, number> = { up: 0, degraded: 1, down: 2 };

/**
 * The labels of a probe's series, `{env, probe}`, frozen: the runner keeps one per probe and
 * passes it with every result, which lets the tsdb find the series without re-reading them.
 */
export function probeLabels(env: string, probe: string): Labels {
  return Object.freeze({ env, probe });
}

/**
 * The series one probe result writes, all labelled `base` (`probeLabels()`): the three every
 * probe has (`guardia_probe_up`, `guardia_probe_state`, `guardia_probe_duration_seconds`) and
 * the probe's own metrics.
 */
export function probeSamples(result: ProbeResult, base: Labels, t: number): AppendSample[] {
  const gauge = (name: string, v: number, help: string): AppendSample => ({ name, labels: base, t, v, type: 'gauge', help });
  const samples: AppendSample[] = [
    gauge('guardia_probe_up', result.status === 'down' ? 0 : 1, 'Whether the probe is up (1, also when degraded) or down (0).'),
    gauge('guardia_probe_state', STATE_VALUE[result.status], 'Probe state: 0 up, 1 degraded, 2 down.'),
    // Microsecond precision is all a probe can measure, and it halves the sample's size on disk.
    gauge('guardia_probe_duration_seconds', Math.round(result.durationMs * 1_000) / 1e6, 'How long the last probe attempt took.'),
  ];
  for (const m of result.metrics) {
    // The runner's env/probe labels win over a metric's own, so series always belong to their probe.
    const labels = m.labels ? { ...m.labels, ...base } : base;
    samples.push({ name: m.name, labels, t, v: m.value, type: m.type, help: m.help });
  }
  return samples;
}

/**
 * The samples of ingested families (a scrape), with the labels the probe gave them. The
 * cumulative series of histograms and summaries (`_bucket`, `_sum`, `_count`) are typed
 * `counter` so the tsdb rolls them up as increases, as it does counters.
 */
export function ingestSamples(families: readonly MetricFamily[], t: number): AppendSample[] {
  const samples: AppendSample[] = [];
  for (const family of families) {
    for (const s of family.samples) {
      const cumulative = (family.type === 'histogram' || family.type === 'summary') && s.name !== family.name;
      const type = cumulative ? 'counter' : family.type;
      samples.push({ name: s.name, labels: s.labels, t, v: s.value, type, help: family.help });
    }
  }
  return samples;
}
