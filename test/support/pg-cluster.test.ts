import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgCluster } from './pg-cluster.js';

let primary: PgCluster;
let replica: PgCluster | undefined;

beforeAll(async () => {
  primary = await PgCluster.create({ settings: { max_connections: 7, application_name: 'harness' } });
});

afterAll(async () => {
  await replica?.destroy();
  await primary?.destroy();
});

describe('PgCluster', () => {
  it('starts a cluster with the settings it was given, on its own port', async () => {
    const [row] = await primary.query<{ max: string; port: string }>(`select current_setting('max_connections') as max, current_setting('port') as port`);
    expect(row).toEqual({ max: '7', port: String(primary.port) });
    expect(primary.port).not.toBe(5432);
  });

  it('stops and starts again', async () => {
    await primary.stop();
    await expect(primary.query('select 1')).rejects.toThrow(/ECONNREFUSED/);
    await primary.start();
    expect(await primary.query('select 1 as one')).toEqual([{ one: 1 }]);
  });

  it('creates a streaming replica that is in recovery and follows the primary', async () => {
    await primary.query('create table harness_check (id int)');
    replica = await primary.createReplica();
    expect(replica.port).not.toBe(primary.port);
    expect(await replica.query('select pg_is_in_recovery() as r')).toEqual([{ r: true }]);
    await primary.query('insert into harness_check values (1)');
    await expect.poll(async () => (await replica!.query('select count(*)::int as n from harness_check'))[0]?.n, { timeout: 20_000 }).toBe(1);
  });

  it('removes its files on destroy, also twice', async () => {
    const extra = await PgCluster.create();
    expect(existsSync(extra.dataDir)).toBe(true);
    await extra.destroy();
    await extra.destroy();
    expect(existsSync(extra.baseDir)).toBe(false);
  });
});
