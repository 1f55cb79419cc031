import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pgBin } from '../../test/support/pg-cluster.js';
import type { BenchCluster } from './bench-cluster.js';

const run = promisify(execFile);

/** The database every contender dumps. */
export const FIXTURE_DATABASE = 'bench';
/** pgbench's scale: 5M accounts, about 750 MB with indexes. */
const PGBENCH_SCALE = 50;
const EVENT_ROWS = 2_000_000;

/** What was built, recorded next to the data directory once the build finished. */
export interface FixtureInfo {
  database: string;
  bytes: number;
  /** Row count of every table, the restores' check. */
  rows: Record<string, number>;
  builtAt: string;
  buildSeconds: number;
}

/**
 * The fixture database, built once into the cluster and then reused: pgbench's tables at scale
 * 50 plus `bench_events`, 2M rows of varied jsonb and text (compressibility drives the output
 * sizes, so the rows differ the way real ones do). A build cut short leaves no `fixture.json`
 * and is redone on the next run.
 */
export async function ensureFixture(cluster: BenchCluster, dir: string, log: (line: string) => void): Promise<FixtureInfo> {
  const marker = join(dir, 'fixture.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as FixtureInfo;
  const started = Date.now();
  log(`fixture: building ${FIXTURE_DATABASE} (pgbench scale ${PGBENCH_SCALE} + ${EVENT_ROWS.toLocaleString('en-US')} events), a few minutes`);
  await cluster.query(`DROP DATABASE IF EXISTS ${FIXTURE_DATABASE}`);
  await cluster.query(`CREATE DATABASE ${FIXTURE_DATABASE}`);
  // Two cores: pgbench's load and the events' load run side by side.
  await Promise.all([
    run(pgBin('pgbench'), ['-i', '-q', '-s', String(PGBENCH_SCALE), '-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', FIXTURE_DATABASE]),
    cluster.query(EVENTS_SQL, FIXTURE_DATABASE),
  ]);
  await cluster.query('VACUUM ANALYZE', FIXTURE_DATABASE);
  await cluster.query('CHECKPOINT');
  const info: FixtureInfo = {
    database: FIXTURE_DATABASE,
    bytes: await databaseBytes(cluster, FIXTURE_DATABASE),
    rows: await rowCounts(cluster, FIXTURE_DATABASE),
    builtAt: new Date().toISOString(),
    buildSeconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(marker, `${JSON.stringify(info, null, 2)}\n`);
  log(`fixture: ${(info.bytes / 1e9).toFixed(2)} GB built in ${info.buildSeconds} s`);
  return info;
}

/** Removes the recorded fixture so the next run rebuilds it. */
export function forgetFixture(dir: string): void {
  rmSync(join(dir, 'fixture.json'), { force: true });
}

/** `pg_database_size` of a database. */
export async function databaseBytes(cluster: BenchCluster, database: string): Promise<number> {
  const [row] = await cluster.query<{ bytes: string }>(`SELECT pg_database_size('${database}') AS bytes`);
  return Number(row?.bytes ?? 0);
}

/** Exact row count of every ordinary table in `public`. */
export async function rowCounts(cluster: BenchCluster, database: string): Promise<Record<string, number>> {
  const tables = await cluster.query<{ name: string }>(
    "SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY relname",
    database,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await cluster.query<{ n: string }>(`SELECT count(*) AS n FROM public."${name}"`, database);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

const WORDS = `booking guest room night arrival departure invoice payment refund deposit balance
  breakfast parking late early checkout checkin upgrade suite double single twin view sea garden
  quiet noisy clean towel request cancelled confirmed pending overbooked agency direct channel
  discount voucher loyalty member tax city fee note called emailed reminder please thanks arrived
  delayed flight train taxi transfer airport luggage stored key card lost replaced`.split(/\s+/);

/**
 * 2M events of varied content: timestamps, ids, a few enumerations, jsonb with nested arrays and
 * a random session hash, and free text of 3–16 words. Seeded, so every build is alike. The
 * aggregates mention the inner `i` (as `i % 1`, zero) so PostgreSQL evaluates them per row, not
 * as aggregates of the outer query.
 */
const EVENTS_SQL = `
SELECT setseed(0.42);
CREATE TABLE bench_events (
  id bigint PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  account_id integer NOT NULL,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  note text NOT NULL
);
INSERT INTO bench_events
SELECT g,
  timestamptz '2025-01-01 00:00:00+00' + g * interval '15 seconds' + random() * interval '10 seconds',
  1 + floor(random() * 5000000)::int,
  (ARRAY['signup','login','search','view','booking','payment','refund','cancel'])[1 + floor(random() * 8)::int],
  jsonb_build_object(
    'ip', format('%s.%s.%s.%s', 10 + floor(random() * 200)::int, floor(random() * 256)::int, floor(random() * 256)::int, 1 + floor(random() * 254)::int),
    'agent', (ARRAY['Firefox/128.0','Chrome/126.0.6478','Safari/17.5','Edg/126.0.2592','okhttp/4.12.0'])[1 + floor(random() * 5)::int],
    'amount', round((random() * 500)::numeric, 2),
    'currency', (ARRAY['EUR','USD','GBP','MXN'])[1 + floor(random() * 4)::int],
    'items', (SELECT jsonb_agg(jsonb_build_object('sku', 'SKU-' || lpad(floor(random() * 100000)::int::text, 6, '0'), 'qty', i % 1 + 1 + floor(random() * 4)::int))
              FROM generate_series(1, 1 + g % 2) AS i),
    'session', substr(md5(g::text || random()::text), 1, 16)
  ),
  (SELECT string_agg(w.words[i % 1 + 1 + floor(random() * array_length(w.words, 1))::int], ' ') FROM generate_series(1, 3 + g % 14) AS i)
FROM generate_series(1, ${EVENT_ROWS}) AS g,
  (SELECT ARRAY[${WORDS.filter(Boolean).map((w) => `'${w}'`).join(',')}] AS words) AS w;
CREATE INDEX bench_events_account_idx ON bench_events (account_id, occurred_at);
`;
