import type { HealthVocabulary } from '../../../config/resolved-config.js';
import { formatDuration } from '../../internal/format-duration.js';
import type { ProbeMetric, ProbeStatus } from '../../probe.js';
import { isJsonObject } from './json-value.js';

/** One sub-check of a health document. */
export interface HealthCheck {
  name: string;
  /** The status as the application wrote it. */
  raw: string;
  /** Mapped through the vocabulary; unknown words count as down in strict mode. */
  status: ProbeStatus;
  latencyMs?: number;
}

/** A `{status, checks}` health document, mapped to guardia's statuses. */
export interface HealthReport {
  raw: string;
  status: ProbeStatus;
  checks: HealthCheck[];
}

const STATE_VALUE: Record<ProbeStatus, number> = { up: 0, degraded: 1, down: 2 };

/**
 * Reads a health document: a JSON object with a string `status`; undefined when the body is
 * not one. When `strict` (health: true), a word outside the vocabulary is down; otherwise
 * (health: auto) such a document is not taken for health JSON at all — `{"status": "ready"}`
 * is some other vocabulary, and guessing "down" would lie about health.
 */
export function parseHealthReport(json: unknown, vocabulary: HealthVocabulary, strict: boolean): HealthReport | undefined {
  if (!isJsonObject(json) || typeof json.status !== 'string') return undefined;
  const status = classify(json.status, vocabulary) ?? (strict ? 'down' : undefined);
  if (status === undefined) return undefined;
  const checks: HealthCheck[] = [];
  if (isJsonObject(json.checks)) {
    for (const [name, value] of Object.entries(json.checks)) {
      const check = readCheck(name, value, vocabulary, strict);
      if (check) checks.push(check);
    }
  }
  return { raw: json.status, status, checks };
}

/** `health "degraded": redis degraded (230 ms)`, naming the sub-checks that are not up. */
export function healthReason(report: HealthReport): string {
  const failing = report.checks
    .filter((c) => c.status !== 'up')
    .map((c) => (c.latencyMs === undefined ? `${c.name} ${c.raw}` : `${c.name} ${c.raw} (${formatDuration(c.latencyMs)})`));
  return failing.length === 0 ? `health "${report.raw}"` : `health "${report.raw}": ${failing.join(', ')}`;
}

/** `guardia_probe_check_status{check}` and `guardia_probe_check_latency_seconds{check}` per sub-check. */
export function healthMetrics(report: HealthReport): ProbeMetric[] {
  return report.checks.flatMap((c) => {
    const labels = { check: c.name };
    const metrics: ProbeMetric[] = [
      { name: 'guardia_probe_check_status', help: 'Health sub-check: 0 up, 1 degraded, 2 down.', type: 'gauge', labels, value: STATE_VALUE[c.status] },
    ];
    if (c.latencyMs !== undefined) {
      const help = 'Latency a health sub-check reported.';
      metrics.push({ name: 'guardia_probe_check_latency_seconds', help, type: 'gauge', labels, value: c.latencyMs / 1_000 });
    }
    return metrics;
  });
}

function readCheck(name: string, value: unknown, vocabulary: HealthVocabulary, strict: boolean): HealthCheck | undefined {
  const raw = typeof value === 'string' ? value : isJsonObject(value) && typeof value.status === 'string' ? value.status : undefined;
  if (raw === undefined) return undefined;
  const status = classify(raw, vocabulary) ?? (strict ? 'down' : undefined);
  if (status === undefined) return undefined;
  const check: HealthCheck = { name, raw, status };
  if (!isJsonObject(value)) return check;
  const latency = value.latency_ms ?? value.latencyMs;
  if (typeof latency === 'number' && Number.isFinite(latency)) check.latencyMs = latency;
  return check;
}

/** Case-insensitive vocabulary lookup; undefined for a word in none of the lists. */
function classify(word: string, vocabulary: HealthVocabulary): ProbeStatus | undefined {
  const w = word.toLowerCase();
  const has = (list: string[]) => list.some((v) => v.toLowerCase() === w);
  if (has(vocabulary.up)) return 'up';
  if (has(vocabulary.degraded)) return 'degraded';
  if (has(vocabulary.down)) return 'down';
  return undefined;
}
