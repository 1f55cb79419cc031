import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDuration } from '../../src/config/index.js';
import type { Scenario } from '../scenario.js';

/** Environment and probe names of the generated config; probe ids are `bench/p00001`…. */
export const BENCH_ENV = 'bench';

/**
 * Writes the scenario as the guardia.yaml a user would write: one environment whose base
 * URL is the target, and one `http:` probe per line with the defaults in `defaults:`.
 * Each probe asks for its own path, as distinct health endpoints would be.
 */
export function writeBenchConfig(dir: string, scenario: Scenario, targetUrl: string): string {
  const lines = [
    'project: bench',
    'store: sqlite:.guardia/guardia.db',
    'defaults:',
    `  every: ${formatDuration(scenario.everyMs)}`,
  ];
  if (scenario.jitterMs !== undefined) lines.push(`  jitter: ${formatDuration(scenario.jitterMs)}`);
  lines.push('environments:', `  ${BENCH_ENV}:`, `    url: ${targetUrl}`, '    probes:');
  const width = String(scenario.probes).length;
  for (let i = 1; i <= scenario.probes; i++) {
    const n = String(i).padStart(width, '0');
    lines.push(`      p${n}: { http: /health/${n} }`);
  }
  const file = join(dir, 'guardia.yaml');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
