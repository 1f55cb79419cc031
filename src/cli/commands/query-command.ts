import { existsSync } from 'node:fs';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { InvalidRequestError, UnavailableError, UsageError } from '../../errors.js';
import type { Matrix, Value } from '../../promql/index.js';
import { parseCliTime, parsePromDuration, promData, promMatrix, QueryService } from '../../query/index.js';
import { openSqliteStore } from '../../store/index.js';
import { createTsdb } from '../../tsdb/index.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { emit, table } from '../output.js';

const TIME_HELP = 'now, -15m, Unix seconds or RFC 3339';

/** `guardia query <expr>` and `guardia query_range <expr>`: PromQL over the store, no daemon needed. */
export function registerQueryCommands(program: CommandUnknownOpts, io: CliIo): void {
  program
    .command('query')
    .description('evaluate a PromQL expression at one time')
    .argument('<expr>', 'PromQL expression, e.g. \'avg by (probe) (guardia_probe_up)\'')
    .option('--at <time>', `evaluation time: ${TIME_HELP} (default now)`)
    .action(async (expr, opts, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      await withQueries(io, options, async (queries, now) => {
        const { value } = await queries.instant(expr, asUsage(() => parseCliTime('--at', opts.at, now)));
        emit(io, options, { status: 'success', data: promData(value) }, () => humanValue(value));
      });
    });
  program
    .command('query_range')
    .description('evaluate a PromQL expression at every step of a time range')
    .argument('<expr>', 'PromQL expression (scalar or instant vector)')
    .option('--start <time>', `range start: ${TIME_HELP} (default -1h)`, '-1h')
    .option('--end <time>', `range end: ${TIME_HELP} (default now)`)
    .option('--step <duration>', 'resolution: 15s, 1m, or seconds (default 1m)', '1m')
    .action(async (expr, opts, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      await withQueries(io, options, async (queries, now) => {
        const start = asUsage(() => parseCliTime('--start', opts.start, now));
        const end = asUsage(() => parseCliTime('--end', opts.end, now));
        const step = asUsage(() => parsePromDuration('--step', opts.step) as number);
        const matrix = await queries.range(expr, start, end, step).catch((error: unknown) => {
          throw error instanceof InvalidRequestError ? new UsageError(error.message) : error;
        });
        emit(io, options, { status: 'success', data: promMatrix(matrix) }, () => humanMatrix(matrix));
      });
    });
}

/** Opens only the store (no config needed with --data-dir), like Prometheus's promtool opens a TSDB. */
async function withQueries(io: CliIo, options: GlobalOptions, run: (queries: QueryService, now: number) => Promise<void>): Promise<void> {
  const ctx = new CliContext(io, options);
  const dataDirGiven = (options.dataDir ?? io.env.GUARDIA_DATA_DIR) !== undefined && (options.dataDir ?? io.env.GUARDIA_DATA_DIR) !== '';
  const path = ctx.storePath(dataDirGiven ? undefined : await ctx.loadConfig());
  if (!existsSync(path)) throw new UnavailableError(`no store at ${path}: run guardia up first, or pass --data-dir`);
  const store = await openSqliteStore(path, { now: () => ctx.clock.now() });
  const tsdb = createTsdb(store, {});
  try {
    await run(new QueryService({ tsdb, now: () => ctx.clock.now() }), ctx.clock.now());
  } finally {
    await tsdb.close();
    await store.close();
  }
}

/** A malformed option value is a usage error (exit 2), not a failed query. */
function asUsage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InvalidRequestError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

function metricText(metric: Readonly<Record<string, string>>): string {
  const { __name__: name = '', ...labels } = metric;
  const pairs = Object.keys(labels).sort().map((k) => `${k}=${JSON.stringify(labels[k])}`);
  return pairs.length > 0 ? `${name}{${pairs.join(', ')}}` : name || '{}';
}

function humanValue(value: Value): string[] {
  switch (value.type) {
    case 'scalar':
    case 'string':
      return [String(value.v)];
    case 'vector':
      return value.vector.length === 0 ? ['(empty result)'] : table(value.vector.map((s) => [metricText(s.metric), String(s.v)]));
    case 'matrix':
      return humanMatrix(value.matrix);
  }
}

function humanMatrix(matrix: Matrix): string[] {
  if (matrix.length === 0) return ['(empty result)'];
  const lines: string[] = [];
  for (const series of matrix) {
    lines.push(metricText(series.metric));
    for (const p of series.points) lines.push(`  ${new Date(p.t).toISOString()}  ${p.v}`);
  }
  return lines;
}
