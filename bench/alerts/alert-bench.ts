import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAlertBenchOptions, USAGE, type AlertBenchOptions } from './alert-bench-options.js';
import { formatAlertBench, summarizeAlertBench } from './alert-bench-summary.js';
import { startReceiver, startSwitchableTarget } from './bench-servers.js';
import { startGuardiaChild, writeAlertBenchConfig } from './guardia-child.js';
import { runOutages } from './outage-loop.js';

/**
 * `npm run bench:alerts`: runs `guardia up` in a child process against a loopback target and a
 * loopback webhook receiver, causes repeated outages, and measures how long the firing and the
 * resolve notifications take to arrive. Writes bench/out/alerts-<time>.json, ends with a
 * one-line JSON summary, and exits 1 when a target is missed.
 */
async function main(): Promise<number> {
  const options = parseAlertBenchOptions(process.argv.slice(2));
  if (options === 'help') return (console.log(USAGE), 0);
  const dir = mkdtempSync(join(tmpdir(), 'guardia-alert-bench-'));
  const target = await startSwitchableTarget();
  const receiver = await startReceiver();
  const guardia = await startGuardiaChild(dir, writeAlertBenchConfig(dir, options.everyMs, target.url, receiver.url));
  try {
    // One probe period with the target up, so the first outage starts from a known-healthy state.
    await new Promise((resolve) => setTimeout(resolve, options.everyMs + 1_000));
    const timings = await runOutages(options, target, receiver, (line) => console.log(line));
    // Late duplicates would arrive within a probe period.
    await new Promise((resolve) => setTimeout(resolve, options.everyMs));
    await guardia.stop();
    const logErrors = countErrorLines(guardia.logFile);
    const summary = summarizeAlertBench(timings, receiver.arrivals, options.everyMs, logErrors);
    console.log(formatAlertBench(summary));
    const pass = Object.values(summary.pass).every(Boolean);
    console.log(`full results: ${saveResults(options, summary, timings)}`);
    if (logErrors > 0) console.log(`guardia's log: ${guardia.logFile}`);
    else rmSync(dir, { recursive: true, force: true });
    console.log(JSON.stringify({ bench: 'alerts', ...summary, pass }));
    return pass ? 0 : 1;
  } finally {
    await guardia.stop();
    await target.close();
    await receiver.close();
  }
}

/** pino writes numeric levels: 50 is error, 60 fatal. */
function countErrorLines(file: string): number {
  return readFileSync(file, 'utf8').split('\n').filter((line) => /"level":[56]0/.test(line)).length;
}

function saveResults(options: AlertBenchOptions, summary: unknown, timings: unknown): string {
  const dir = join('bench', 'out');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `alerts-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ options, summary, timings }, null, 2)}\n`);
  return file;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
