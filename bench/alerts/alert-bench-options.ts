import { parseArgs } from 'node:util';
import { parseDuration } from '../../src/config/index.js';

/** What `npm run bench:alerts -- …` asked for. */
export interface AlertBenchOptions {
  outages: number;
  /** Probe interval of the watched target. */
  everyMs: number;
  /** Longest wait for one notification before the outage counts as missed. */
  waitMs: number;
  /** Seed of the pauses between outages, so runs can be repeated. */
  seed: number;
}

export const USAGE = `usage: npm run bench:alerts -- [options]
  --outages N          outages to cause, each notified then resolved (default 20)
  --every DURATION     probe interval of the target (default 5s)
  --wait DURATION      give up on one notification after this long (default: 3 × every + 10s)
  --seed N             seed of the random pauses that spread outages over the probe phase (default 1)
  --help`;

/** Parses the command line; throws with a message naming the bad flag. */
export function parseAlertBenchOptions(argv: string[]): AlertBenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      outages: { type: 'string', default: '20' },
      every: { type: 'string', default: '5s' },
      wait: { type: 'string' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const everyMs = parseDuration(values.every);
  if (everyMs < 1_000) throw new Error(`--every ${values.every}: expected at least 1s (guardia's shortest probe interval)`);
  return {
    outages: positiveInteger('--outages', values.outages),
    everyMs,
    waitMs: values.wait !== undefined ? parseDuration(values.wait) : 3 * everyMs + 10_000,
    seed: positiveInteger('--seed', values.seed),
  };
}

function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${flag} ${text}: expected a positive whole number`);
  return value;
}
