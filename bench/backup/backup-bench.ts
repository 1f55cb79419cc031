import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pgBin } from '../../test/support/pg-cluster.js';
import { parseBackupBenchOptions, USAGE, type BackupBenchOptions } from './backup-bench-options.js';
import { formatBackupBench, judgeRuns, summarizeRuns, TARGETS, type ContenderRuns } from './backup-bench-summary.js';
import { baselineContenders } from './baseline-contenders.js';
import { CLUSTER_SETTINGS, startBenchCluster, type BenchCluster } from './bench-cluster.js';
import { ensureFixture, FIXTURE_DATABASE, forgetFixture } from './bench-fixture.js';
import { timeScript, type Contender } from './contender.js';
import { guardiaContenders } from './guardia-contenders.js';

const log = (line: string) => console.log(line);

/**
 * `npm run bench:backup`: on a throwaway PostgreSQL 15 cluster holding a ~1.5 GB database (built
 * once, then reused), times the seeds' backup and restore commands and guardia's, side by side:
 * each run in turn, `--repeat` rounds, medians judged against the issue's targets. Writes
 * bench/out/backup-<time>.json and exits 1 when a target is missed or a command fails.
 */
async function main(): Promise<number> {
  const options = parseBackupBenchOptions(process.argv.slice(2));
  if (options === 'help') return (console.log(USAGE), 0);
  const clusterDir = join(options.outDir, 'backup-cluster');
  const workDir = join(options.outDir, 'backup-work');
  if (options.rebuild) forgetFixture(clusterDir);
  const cluster = await startBenchCluster(clusterDir, log);
  const loadBefore = loadavg();
  try {
    const fixture = await ensureFixture(cluster, clusterDir, log);
    log(`fixture: ${FIXTURE_DATABASE}, ${(fixture.bytes / 1e9).toFixed(2)} GB, ${Object.entries(fixture.rows).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    rmSync(workDir, { recursive: true, force: true });
    mkdirSync(workDir, { recursive: true });
    const contenders = [
      ...baselineContenders(cluster, FIXTURE_DATABASE, workDir, fixture.rows),
      ...(options.guardia ? guardiaContenders(cluster, FIXTURE_DATABASE, workDir, fixture.rows, false) : []),
      ...(options.guardia && options.encrypted ? guardiaContenders(cluster, FIXTURE_DATABASE, workDir, fixture.rows, true) : []),
    ];
    const runs = await runRounds(cluster, contenders, options.repeat);
    const summaries = summarizeRuns(runs);
    const verdicts = judgeRuns(summaries);
    console.log(formatBackupBench(summaries, verdicts, options.repeat));
    const machine = { cores: cpus().length, loadBefore, loadAfter: loadavg(), note: 'shared machine: other processes may run alongside' };
    const file = saveResults(options, { fixture, machine, tools: toolVersions(), settings: CLUSTER_SETTINGS, targets: TARGETS, summaries, verdicts, runs });
    console.log(`full results: ${file}`);
    const pass = verdicts.every((v) => v.pass) && summaries.every((s) => s.failed === 0);
    console.log(JSON.stringify({ bench: 'backup', repeat: options.repeat, medians: Object.fromEntries(summaries.map((s) => [s.id, s.medianSeconds])), pass }));
    return pass ? 0 : 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    await cluster.stop();
  }
}

/**
 * Every round runs every backup, then every restore (a restore reads its round's backup).
 * Before each timed command a checkpoint and an OS-level sync, untimed, so none pays for
 * another's writes: with `fsync = off` the checkpoint only hands the pages to the kernel, whose
 * writeback of the previous restore's gigabytes would otherwise land in the next command.
 */
async function runRounds(cluster: BenchCluster, contenders: Contender[], repeat: number): Promise<ContenderRuns[]> {
  const runs = contenders.map((contender): ContenderRuns => ({ contender: pick(contender), seconds: [], bytes: [], printed: [], errors: [] }));
  const ordered = [...runs.entries()].sort(([, a], [, b]) => (a.contender.kind === b.contender.kind ? 0 : a.contender.kind === 'backup' ? -1 : 1));
  for (let round = 1; round <= repeat; round++) {
    for (const [index, record] of ordered) {
      const contender = contenders[index] as Contender;
      try {
        await contender.prepare();
        await cluster.query('CHECKPOINT');
        execFileSync('sync');
        const { seconds, printed } = await timeScript(contender.script, contender.env);
        await contender.check?.();
        const bytes = contender.outputBytes?.();
        record.seconds.push(seconds);
        if (bytes !== undefined) record.bytes.push(bytes);
        if (printed !== '') record.printed.push(printed);
        const size = bytes === undefined ? '' : `  ${(bytes / 1e6).toFixed(1)} MB`;
        log(`round ${round}/${repeat}  ${contender.label.padEnd(44)} ${seconds.toFixed(1).padStart(6)} s${size}${printed === '' ? '' : `  « ${printed} »`}`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        record.errors.push(message);
        log(`round ${round}/${repeat}  ${contender.label.padEnd(44)} FAILED: ${message}`);
      }
    }
  }
  return runs;
}

function pick({ id, label, kind, role }: Contender): ContenderRuns['contender'] {
  return { id, label, kind, ...(role ? { role } : {}) };
}

function toolVersions(): Record<string, string> {
  const version = (command: string, args: string[]) => {
    try {
      return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n')[0]?.trim() ?? '';
    } catch {
      return 'absent';
    }
  };
  return {
    pg_dump: version(pgBin('pg_dump'), ['--version']),
    gzip: version('gzip', ['--version']),
    zstd: version('zstd', ['--version']),
    age: version('age', ['--version']),
    node: process.version,
  };
}

function saveResults(options: BackupBenchOptions, results: Record<string, unknown>): string {
  mkdirSync(options.outDir, { recursive: true });
  const file = join(options.outDir, `backup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ options, ...results }, null, 2)}\n`);
  return file;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`bench:backup: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
