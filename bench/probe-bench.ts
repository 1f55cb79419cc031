import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchOptions, parseBenchOptions, USAGE } from './bench-options.js';
import { forkChild } from './internal/fork-child.js';
import { formatResult, formatVerdicts } from './internal/report-printer.js';
import { judgeSummary } from './judge-summary.js';
import type { Scenario } from './scenario.js';
import type { ScenarioResult } from './scenario-result.js';
import { medianSummary, summarize, type ScenarioSummary } from './scenario-summary.js';

/**
 * `npm run bench:probes`: runs each scenario (and each repeat) in a fresh process, prints
 * one block per run and the verdicts, writes everything to bench/out/, and ends with a
 * one-line JSON summary. Exits 1 when a target is missed.
 */
async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const all: ScenarioResult[] = [];
  const summaries: (ScenarioSummary & { pass: Record<string, boolean> })[] = [];
  for (const scenario of options.scenarios) {
    const runs: ScenarioSummary[] = [];
    for (let i = 0; i < options.repeat; i++) {
      const result = await runInChild(scenario, options);
      console.log(formatResult(result));
      all.push(result);
      runs.push(summarize(result));
    }
    const summary = medianSummary(runs);
    const verdicts = judgeSummary(summary);
    console.log(`${formatVerdicts(summary, verdicts)}\n`);
    summaries.push({ ...summary, pass: Object.fromEntries(verdicts.map((v) => [v.name, v.pass])) });
  }
  const file = saveResults(all, summaries);
  const pass = summaries.every((s) => Object.values(s.pass).every(Boolean));
  console.log(`full results: ${file}`);
  console.log(JSON.stringify({ bench: 'probes', pass, scenarios: summaries }));
  return pass ? 0 : 1;
}

async function runInChild(scenario: Scenario, options: BenchOptions): Promise<ScenarioResult> {
  const { cpuProfileDir, heapProfileDir } = options;
  const execArgv = [...(scenario.nodeFlags ?? []), ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [])];
  const args = [JSON.stringify(scenario), ...(heapProfileDir ? [heapProfileDir] : [])];
  const child = forkChild<{ result?: ScenarioResult; error?: string }>(new URL('./scenario-process.js', import.meta.url), args, execArgv);
  const reply = await child.message;
  await child.exited;
  if (!reply.result) throw new Error(`scenario ${scenario.name} failed: ${reply.error ?? 'no result'}`);
  return reply.result;
}

function saveResults(results: ScenarioResult[], summaries: unknown[]): string {
  const dir = join('bench', 'out');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `probes-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ summaries, results }, null, 2)}\n`);
  return file;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
