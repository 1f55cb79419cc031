import { spawnSync } from 'node:child_process';

/** Runs `promtool check metrics` on an exposition; returns its complaints ('' when clean). */
export function promtoolCheckMetrics(exposition: string): string {
  const run = spawnSync('promtool', ['check', 'metrics'], { input: exposition, encoding: 'utf8' });
  if (run.error) throw new Error(`promtool is not installed (apt-get install prometheus): ${run.error.message}`);
  return `${run.stdout}${run.stderr}`.trim();
}
