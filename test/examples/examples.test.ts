import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock/index.js';
import { loadConfig } from '../../src/config/index.js';
import { openGuardia, type Guardia } from '../../src/engine/index.js';
import { tempDir } from '../support/temp-dir.js';

const examplesDir = fileURLToPath(new URL('../../examples', import.meta.url));
const seeds = ['autorenta', 'epagal', 'alojamientos', 'quintas-crm', 'metabuilder'];

describe('examples', () => {
  it('has one folder per seed plan, plus the demo and alerting-local', () => {
    expect(readdirSync(examplesDir).sort()).toEqual([...seeds, 'demo', 'alerting-local', 'backup-local'].sort());
  });

  it.each([...seeds, 'demo', 'alerting-local', 'backup-local'])('%s validates with no environment variables set, and has a README', async (name) => {
    const config = await loadConfig(join(examplesDir, name, 'guardia.yaml'), { env: {} });
    expect(config.environments.length).toBeGreaterThan(0);
    if (name !== 'demo') expect(existsSync(join(examplesDir, name, 'README.md'))).toBe(true);
  });
});

/** The running PostgreSQL service; a database of AutoRenta's tables is made for this file. */
const admin = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' };
const database = `guardia_autorenta_${process.pid}`;
let guardia: Guardia;

describe('autorenta against a database with the seed tables', () => {
  beforeAll(async () => {
    await withClient(admin, (c) => c.query(`create database ${database}`));
    await withClient({ ...admin, database }, async (c) => {
      await c.query(`create table bookings (id serial, status text, total_amount numeric, created_at timestamptz)`);
      await c.query(`create table wallet_transactions (id serial, status text, created_at timestamptz)`);
      await c.query(`create table cars (id serial, status text)`);
      await c.query(`insert into bookings (status, total_amount, created_at)
        select 'pending_payment', 100, now() - interval '2 hours' from generate_series(1, 7)
        union all select 'confirmed', 250, now() - interval '10 minutes' from generate_series(1, 3)`);
      await c.query(`insert into wallet_transactions (status, created_at) select 'pending', now() - interval '1 hour' from generate_series(1, 2)`);
      await c.query(`insert into cars (status) select 'active' from generate_series(1, 4)`);
    });
    const url = `postgresql://postgres@127.0.0.1:5432/${database}`;
    const config = await loadConfig(join(examplesDir, 'autorenta', 'guardia.yaml'), { env: { DATABASE_URL: url } });
    guardia = await openGuardia({ config, storePath: join(tempDir(), 'guardia.db'), clock: systemClock });
  });

  afterAll(async () => {
    await guardia?.close();
    await withClient(admin, (c) => c.query(`drop database if exists ${database} with (force)`));
  });

  const value = async (probe: string) => {
    const result = await guardia.services.probes.runNow(`production/${probe}`);
    return { result, values: result.metrics.filter((m) => m.name === 'guardia_probe_value') };
  };

  it('measures stale bookings and is down above 5', async () => {
    const { result, values } = await value('stale_bookings');
    expect(values.map((m) => m.value)).toEqual([7]);
    expect(result.status).toBe('down');
  });

  it('measures stuck wallet transactions and stays up at 3 or fewer', async () => {
    const { result, values } = await value('stale_transactions');
    expect(values.map((m) => m.value)).toEqual([2]);
    expect(result.status).toBe('up');
  });

  it('writes one series per booking status', async () => {
    const { values } = await value('bookings_by_status');
    const byStatus = Object.fromEntries(values.map((m) => [m.labels?.status, m.value]));
    expect(byStatus).toEqual({ pending_payment: 7, confirmed: 3 });
  });

  it('sees recent bookings and active cars', async () => {
    expect((await value('recent_bookings')).values[0]?.value).toBe(3);
    expect((await value('active_cars')).values[0]?.value).toBe(4);
  });
});

async function withClient(config: pg.ClientConfig, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
