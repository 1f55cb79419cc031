import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { systemClock } from '../../clock/index.js';
import type { PostgresProbeSpec, SqlProbeSpec } from '../../config/resolved-config.js';
import type { Probe, ProbeOutcome } from '../probe.js';
import type { PgClientFactory } from './pg-client.js';
import { createPgClient } from './pg-driver.js';

/** Helpers for tests against real PostgreSQL servers: throwaway databases, sessions, probe runs. */

/** The PostgreSQL service every test machine runs (trust auth on loopback). */
export const SERVICE_URL = 'postgresql://postgres@127.0.0.1:5432';

/** A database of its own for one test file, on the service (or on `serverUrl`). */
export interface TestDatabase {
  name: string;
  /** Connection string to it; extra query parameters (`sslmode=disable`) may be appended. */
  url: string;
  /** Runs SQL as the superuser in this database. */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  drop(): Promise<void>;
}

export async function createTestDatabase(prefix: string, serverUrl = SERVICE_URL): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await withClient(`${serverUrl}/postgres`, (c) => c.query(`create database ${name}`));
  const url = `${serverUrl}/${name}`;
  return {
    name,
    url,
    query: <T>(sql: string) => withClient(url, async (c) => (await c.query(sql)).rows as T[]),
    drop: () => withClient(`${serverUrl}/postgres`, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** An open session, for holding locks, transactions and connection slots. */
export async function openSession(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await openSession(url);
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

export function postgresSpec(url: string, overrides: Partial<PostgresProbeSpec> = {}): PostgresProbeSpec {
  return { url, stats: true, maxConnectionsRatio: 0.9, ...overrides };
}

export function sqlSpec(url: string, query: string, overrides: Partial<SqlProbeSpec> = {}): SqlProbeSpec {
  return { url, query, expect: {}, degraded: {}, ...overrides };
}

/** One run of a probe with the real clock; `timeoutMs` aborts it as the runner would. */
export function runProbe(probe: Probe, timeoutMs = 10_000): Promise<ProbeOutcome> {
  return probe.run({ signal: AbortSignal.timeout(timeoutMs), clock: systemClock, timeoutMs });
}

/** The value of a probe metric by name (and labels). */
export function metricValue(outcome: ProbeOutcome, name: string, labels: Record<string, string> = {}): number | undefined {
  return outcome.metrics?.find((m) => m.name === name && Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value;
}

/** The node-pg client factory, counting the connections it opens. */
export function countingClients(): { createClient: PgClientFactory; opened: () => number } {
  let opened = 0;
  return {
    createClient: (options) => {
      opened++;
      return createPgClient(options);
    },
    opened: () => opened,
  };
}
