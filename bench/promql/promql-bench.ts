import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createEngine, staleNaN, tsdbQueryable, type Metric, type Point } from '../../src/promql/index.js';
import { parseRuleFile, RuleGroupEvaluator } from '../../src/rules/index.js';
import type { Tsdb } from '../../src/tsdb/index.js';
import { parseDuration } from '../../src/config/index.js';
import { cpuMark, cpuShare } from '../internal/cpu-meter.js';
import { median, percentile, sortedCopy } from '../internal/percentiles.js';
import { FIXTURE_END, openFixture, samplesAt, SERIES_PER_TARGET } from './promql-fixture.js';
import { benchRuleFile, benchRules } from './promql-rules.js';

const USAGE = `npm run bench:promql -- [--targets 200] [--rules 1000] [--groups 10] [--every 10s] [--duration 3m]
                          [--warmup 30s] [--scrape 15s] [--retention 48h] [--dir bench/out]
Evaluates --rules alerting rules (in --groups rule groups, as guardia's rule evaluator runs them) every --every over --targets×${SERIES_PER_TARGET} series whose raw tier
holds --retention of samples (built once into --dir, then reused), while new samples keep arriving.
Targets: cycle p99 < 1 s, CPU < 15 % of one core.`;

const TARGET_P99_MS = 1_000;
const TARGET_CPU_PERCENT = 15;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      targets: { type: 'string', default: '200' }, rules: { type: 'string', default: '1000' }, groups: { type: 'string', default: '10' },
      every: { type: 'string', default: '10s' }, duration: { type: 'string', default: '3m' },
      warmup: { type: 'string', default: '30s' }, scrape: { type: 'string', default: '15s' },
      retention: { type: 'string', default: '48h' }, dir: { type: 'string', default: 'bench/out' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return (console.log(USAGE), 0);
  const shape = { targets: Number(values.targets), scrapeMs: parseDuration(values.scrape), retentionMs: parseDuration(values.retention) };
  const everyMs = parseDuration(values.every);
  const warmupMs = parseDuration(values.warmup);
  const durationMs = parseDuration(values.duration);
  const { store, tsdb } = await openFixture(values.dir, shape, (line) => console.log(line));

  const deps = { engine: createEngine(), source: tsdbQueryable(tsdb), sink: tsdbSink(tsdb), externalLabels: {}, externalUrl: '' };
  const rules = benchRules(Number(values.rules), shape.targets);
  const groups = parseRuleFile(benchRuleFile(rules, Number(values.groups)), 'bench.rules.yml').map((g) => new RuleGroupEvaluator(g, deps));
  const wallStart = performance.now();
  const now = () => FIXTURE_END + Math.round(performance.now() - wallStart);

  let nextScrape = FIXTURE_END + shape.scrapeMs;
  const ingest = setInterval(() => {
    for (; nextScrape <= now(); nextScrape += shape.scrapeMs) tsdb.append('bench', samplesAt(shape, nextScrape));
  }, 1_000);
  const flush = setInterval(() => void tsdb.flush(), 5_000);

  const cycles: number[] = [];
  let firing = 0;
  let cpuFrom = cpuMark();
  let peakRss = 0;
  const end = wallStart + warmupMs + durationMs;
  for (let cycleStart = performance.now(); cycleStart < end; ) {
    const started = performance.now();
    firing = 0;
    for (const group of groups) {
      for (const outcome of await group.evaluate(now())) {
        if (outcome.error) throw new Error(`${outcome.rule.name}: ${outcome.error}`);
        firing += group.alertState(outcome.rule)?.firing().length ?? 0;
      }
    }
    const took = performance.now() - started;
    const measuring = started - wallStart >= warmupMs;
    if (!measuring) cpuFrom = cpuMark();
    else cycles.push(took);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    cycleStart += everyMs;
    await new Promise((r) => setTimeout(r, Math.max(0, cycleStart - performance.now())));
  }
  const cpu = cpuShare(cpuFrom, cpuMark());
  clearInterval(ingest);
  clearInterval(flush);
  await tsdb.close();
  await store.close();

  const sorted = sortedCopy(cycles);
  const result = {
    bench: 'promql', rules: rules.length, series: shape.targets * SERIES_PER_TARGET, everyMs, cycles: cycles.length,
    cycleP50Ms: round(median(cycles)), cycleP99Ms: round(percentile(sorted, 99)), cycleMaxMs: round(sorted[sorted.length - 1] ?? 0),
    cpuPercent: round(cpu.total), peakRssMb: round(peakRss / 1_048_576), firingAlertsLastCycle: firing,
  };
  const pass = { cycleP99: result.cycleP99Ms < TARGET_P99_MS, cpu: result.cpuPercent < TARGET_CPU_PERCENT };
  console.log(`rules ${result.rules} over ${result.series} series every ${everyMs / 1000} s, ${result.cycles} cycles measured`);
  console.log(`cycle p50 ${result.cycleP50Ms} ms, p99 ${result.cycleP99Ms} ms (target < ${TARGET_P99_MS}) ${pass.cycleP99 ? 'PASS' : 'FAIL'}`);
  console.log(`cpu ${result.cpuPercent} % of one core (target < ${TARGET_CPU_PERCENT}) ${pass.cpu ? 'PASS' : 'FAIL'}; peak rss ${result.peakRssMb} MB`);
  console.log(JSON.stringify({ ...result, pass }));
  return pass.cycleP99 && pass.cpu ? 0 : 1;
}

/** Writes rule results (ALERTS, ALERTS_FOR_STATE, staleness markers) to the tsdb, as the daemon will. */
function tsdbSink(tsdb: Tsdb) {
  return {
    append(metric: Metric, point: Point): void {
      const { __name__: name = '', ...labels } = metric;
      tsdb.append('rules', [{ name, labels, t: point.t, v: point.stale ? staleNaN() : point.v }]);
    },
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:promql: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
