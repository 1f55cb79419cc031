import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../clock/index.js';
import type { SqlProbeSpec } from '../../config/resolved-config.js';
import { createTestDatabase, metricValue, runProbe, sqlSpec } from '../internal/pg-test-kit.js';
import type { TestDatabase } from '../internal/pg-test-kit.js';
import { SqlProbe } from './sql-probe.js';

let db: TestDatabase;
const probes: SqlProbe[] = [];

beforeAll(async () => {
  db = await createTestDatabase('guardia_sqlprobe');
  await db.query(`create table bookings (id serial primary key, status text not null, total numeric(10,2));
    insert into bookings (status, total) values ('pending', 10.50), ('pending', 20), ('paid', 99.99), ('cancelled', null);
    create sequence tickets`);
});

afterEach(() => Promise.all(probes.splice(0).map((p) => p.close())));

afterAll(() => db?.drop());

function probe(query: string, overrides: Partial<SqlProbeSpec> = {}): SqlProbe {
  const created = new SqlProbe(sqlSpec(`${db.url}?sslmode=disable`, query, overrides));
  probes.push(created);
  return created;
}

const run = (query: string, overrides: Partial<SqlProbeSpec> = {}) => runProbe(probe(query, overrides));

async function bookingCount(): Promise<number> {
  return (await db.query<{ n: number }>('select count(*)::int as n from bookings'))[0]?.n ?? -1;
}

describe('SqlProbe values', () => {
  it('writes one row with one number as guardia_probe_value without labels', async () => {
    const outcome = await run(`select count(*) from bookings where status = 'pending'`);
    expect(outcome).toEqual({
      status: 'up',
      reason: 'value 2',
      metrics: [{ name: 'guardia_probe_value', help: expect.any(String), type: 'gauge', labels: {}, value: 2 }],
    });
  });

  it('writes one series per row, labelled by the other columns', async () => {
    const outcome = await run('select status, count(*) from bookings group by status');
    expect(outcome).toMatchObject({ status: 'up', reason: '3 rows' });
    expect(metricValue(outcome, 'guardia_probe_value', { status: 'pending' })).toBe(2);
    expect(metricValue(outcome, 'guardia_probe_value', { status: 'paid' })).toBe(1);
    expect(outcome.metrics).toHaveLength(3);
  });

  it('takes the label and value columns from the config', async () => {
    const outcome = await run(`select count(*) as n, status, 'ignored' as note from bookings group by status`, { labels: ['status'], value: 'n' });
    expect(outcome.metrics?.map((m) => m.labels)).toEqual(expect.arrayContaining([{ status: 'pending' }, { status: 'paid' }, { status: 'cancelled' }]));
    expect(metricValue(outcome, 'guardia_probe_value', { status: 'pending' })).toBe(2);
  });

  it('reads numeric, bigint and boolean values as numbers', async () => {
    expect(metricValue(await run(`select sum(total) from bookings where status = 'pending'`), 'guardia_probe_value')).toBe(30.5);
    expect(metricValue(await run('select 9007199254740991::bigint'), 'guardia_probe_value')).toBe(9_007_199_254_740_991);
    expect(metricValue(await run('select 2.5e-3::float8'), 'guardia_probe_value')).toBe(0.0025);
    expect(await run('select current_setting(\'transaction_read_only\') = \'on\' as read_only')).toMatchObject({ status: 'up', reason: 'value 1' });
  });

  it('is down with a clear reason when the result is not a number', async () => {
    expect(await run('select null::int as count')).toEqual({ status: 'down', reason: 'value in column "count" is NULL' });
    expect(await run(`select 'abc' as status`)).toEqual({ status: 'down', reason: 'value "abc" in column "status" is not a number' });
    expect(await run(`select 'NaN'::float8 as ratio`)).toEqual({ status: 'down', reason: 'value "NaN" in column "ratio" is not a number' });
    expect(await run(`select 'Infinity'::numeric as ratio`)).toEqual({ status: 'down', reason: 'value "Infinity" in column "ratio" is not a finite number' });
    expect(await run('select id, total from bookings order by id')).toEqual({ status: 'down', reason: 'value in column "total" is NULL (row 4)' });
    expect(await run('select 1 where false')).toEqual({ status: 'down', reason: 'query returned no rows' });
  });

  it('is down when columns cannot become labels', async () => {
    expect(await run(`select 'x' as "Status Name", 1 as n`)).toEqual({
      status: 'down',
      reason: 'column "Status Name" is not a valid label name (letters, digits and "_", not starting with a digit or "__"); rename it with "as"',
    });
    expect(await run(`select 'x' as env, 1 as n`)).toEqual({ status: 'down', reason: 'column "env" cannot be a label: guardia sets "env" itself; rename it with "as"' });
    expect(await run(`select 'a' as s, 1 as n union all select 'a', 2`)).toEqual({
      status: 'down',
      reason: 'rows 1 and 2 have the same labels; each row must be one series',
    });
    expect(await run('select 1 as n', { value: 'count' })).toEqual({ status: 'down', reason: 'query returned no column "count"' });
  });
});

describe('SqlProbe safety', () => {
  it('is down with the server message on a SQL error', async () => {
    expect(await run('select count(*) from no_such_table')).toEqual({ status: 'down', reason: 'relation "no_such_table" does not exist' });
  });

  it('cannot write: statements and functions that write fail cleanly in the READ ONLY transaction', async () => {
    expect(await run('delete from bookings')).toEqual({ status: 'down', reason: 'cannot execute DELETE in a read-only transaction' });
    expect(await run(`select nextval('tickets')`)).toEqual({ status: 'down', reason: 'cannot execute nextval() in a read-only transaction' });
    expect(await run('select 1; delete from bookings')).toEqual({ status: 'down', reason: 'cannot insert multiple commands into a prepared statement' });
    expect(await bookingCount()).toBe(4);
  });

  it('leaves no transaction open and keeps the connection usable after an error', async () => {
    const kept = probe('select count(*) from bookings');
    expect((await runProbe(kept)).status).toBe('up');
    const failing = probe('select 1/0');
    expect(await runProbe(failing)).toEqual({ status: 'down', reason: 'division by zero' });
    expect((await runProbe(kept)).status).toBe('up');
    const [row] = await db.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`);
    expect(row?.n).toBe(0);
  });

  it('is cancelled by the server after the timeout, and stays usable', async () => {
    const slow = probe('select pg_sleep(10)');
    // A signal that never aborts: the server's statement_timeout alone ends the query.
    const outcome = await slow.run({ signal: new AbortController().signal, clock: systemClock, timeoutMs: 500 });
    expect(outcome).toEqual({ status: 'down', reason: 'canceling statement due to statement timeout' });
    expect(await runProbe(probe('select pg_sleep(10)'), 1_000)).toEqual({
      status: 'down',
      reason: expect.stringMatching(/^(timed out after 1 s|canceling statement due to statement timeout)$/),
    });
  });
});

describe('SqlProbe thresholds', () => {
  const stale = `select count(*) from bookings where status = 'pending'`;

  it('is down outside expect and degraded outside degraded', async () => {
    expect(await run(stale, { expect: { max: 1 } })).toMatchObject({ status: 'down', reason: 'value 2 above max 1' });
    expect(await run(stale, { expect: { min: 3 } })).toMatchObject({ status: 'down', reason: 'value 2 below min 3' });
    expect(await run(stale, { expect: { max: 5 }, degraded: { max: 1 } })).toMatchObject({ status: 'degraded', reason: 'value 2 over 1' });
    expect(await run(stale, { expect: { max: 5 }, degraded: { min: 3 } })).toMatchObject({ status: 'degraded', reason: 'value 2 under 3' });
    expect(await run(stale, { expect: { min: 2, max: 2 }, degraded: { max: 2 } })).toMatchObject({ status: 'up', reason: 'value 2' });
  });

  it('names the rows out of bounds, and still writes every series', async () => {
    const outcome = await run('select status, count(*) from bookings group by status', { expect: { max: 1 } });
    expect(outcome).toMatchObject({ status: 'down', reason: 'value{status="pending"} 2 above max 1' });
    expect(outcome.metrics).toHaveLength(3);
    const many = await run('select g as n, g from generate_series(1, 6) g', { labels: ['n'], value: 'g', expect: { max: 1 } });
    expect(many.reason).toBe('value{n="2"} 2 above max 1; value{n="3"} 3 above max 1; value{n="4"} 4 above max 1; and 2 more');
  });
});
