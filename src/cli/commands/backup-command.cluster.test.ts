import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgCluster } from '../../../test/support/pg-cluster.js';
import { cli } from '../../../test/support/run-cli-capture.js';
import { tempDir, writeConfig } from '../../../test/support/temp-dir.js';
import { systemClock } from '../../clock/index.js';
import { loadConfig } from '../../config/index.js';
import { openGuardia } from '../../engine/index.js';
import { createApp } from '../../http/index.js';

let cluster: PgCluster;
let dir: string;
let config: string;
const run = (...argv: string[]) => cli([...argv, '-c', config, '--data-dir', join(dir, 'data')], { cwd: dir, env: {} });

/** The backup and dr commands end to end: a real cluster, a file repository, the real tools. */
describe('guardia backup and dr against a real cluster', () => {
  beforeAll(async () => {
    cluster = await PgCluster.create();
    await cluster.query('create database shop');
    await cluster.query(`create table orders (id int primary key, total numeric); insert into orders select i, i * 1.5 from generate_series(1, 200) i`, 'shop');
    dir = tempDir('guardia-backup-cli-');
    config = writeConfig(
      dir,
      `project: shop
environments:
  production:
    database: ${cluster.url('shop')}
    probes:
      orders: { sql: { query: "select count(*) from orders" }, expect: { min: 1 } }
    backups:
      to: file:backups
      verify: { sql: ["select count(*) = 200 from orders"] }
      keep: { last: 1 }
      objectives: { rpo: 1h, rto: 10m }
      drill: { smoke: [orders] }
`,
    );
  }, 120_000);

  afterAll(async () => {
    await cluster?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs, lists, shows, verifies, prunes and drills, with --json shapes and exit codes', async () => {
    const first = await run('backup', 'run', 'production', '--json');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^backup production\/shop /m);
    const [taken] = (JSON.parse(first.stdout) as { backups: { id: string; status: string }[] }).backups;
    expect(taken?.status).toBe('verified');
    expect((await run('backup', 'run', 'production')).code).toBe(0);

    const list = JSON.parse((await run('backup', 'list', '--json')).stdout) as { backups: { id: string }[] };
    expect(list.backups).toHaveLength(2);
    expect(list.backups[1]?.id).toBe(taken?.id);
    const show = JSON.parse((await run('backup', 'show', 'production', taken?.id ?? '', '--json')).stdout) as { manifest: { tables: unknown[] }; restoreCommand: string };
    expect(show.manifest.tables).toEqual([{ schema: 'public', name: 'orders', rows: 200 }]);
    expect(show.restoreCommand).toBe(`guardia backup restore production --id ${taken?.id} --to DATABASE_URL`);

    const verify = await run('backup', 'verify', 'production', '--latest');
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/^verified: production\/shop /);
    expect((await run('backup', 'verify', 'production', '--id', 'nope')).code).toBe(1);

    const dry = JSON.parse((await run('backup', 'prune', 'production', '--dry-run', '--json')).stdout) as { decisions: { id: string; keep: boolean }[] };
    expect(dry.decisions.map((d) => [d.id, d.keep])).toEqual([[list.backups[0]?.id, true], [taken?.id, false]]);
    expect((await run('backup', 'prune', 'production')).stdout).toMatch(/deleted 1 of 2 backups/);

    const drill = await run('dr', 'drill', 'production');
    expect(drill.code, drill.stderr).toBe(0);
    expect(drill.stdout).toMatch(/^drill passed: production\/shop from /);
    expect(drill.stdout).toMatch(/RTO .* \(objective 10m0s\), RPO .* \(objective 1h0m\)/);
    const drills = JSON.parse((await run('dr', 'drills', 'production', '--json')).stdout) as { drills: { passed: boolean }[] };
    expect(drills.drills.map((d) => d.passed)).toEqual([true]);
  }, 300_000);

  it('shows the same backups through the API, with the series and built-in rules of the daemon', async () => {
    const resolved = await loadConfig(config, { env: {} });
    const guardia = await openGuardia({ config: resolved, storePath: join(dir, 'data', 'guardia.db'), clock: systemClock });
    try {
      const app = createApp(guardia.services, { loopback: true });
      const listed = (await (await app.request('/api/v1/backups?env=production')).json()) as { backups: { status: string }[] };
      expect(listed.backups.map((b) => b.status)).toEqual(['verified']);
      expect(await (await app.request('/api/v1/drills?env=production')).json()).toMatchObject({ drills: [{ environment: 'production', passed: true }] });
      await guardia.backups?.signals.refresh(Date.now());
      const metrics = await (await app.request('/metrics')).text();
      expect(metrics).toContain('guardia_backup_verified{env="production",database="shop"} 1');
      expect(guardia.config.alerting.rules.filter((r) => r.name.startsWith('Backup')).map((r) => r.name)).toEqual(['BackupFailed', 'BackupVerifyFailed', 'BackupRpoBreached']);
    } finally {
      await guardia.close();
    }
  }, 120_000);
});
