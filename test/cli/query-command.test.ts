import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore, storePathInDataDir } from '../../src/store/index.js';
import { createTsdb } from '../../src/tsdb/index.js';
import { cli } from '../support/run-cli-capture.js';
import { tempDir } from '../support/temp-dir.js';

const T0 = Date.UTC(2026, 0, 1);
const S0 = T0 / 1000;

/** A data directory whose store holds 10 minutes of two probe series, as `guardia up` would leave it. */
async function dataDir(): Promise<string> {
  const dir = tempDir('guardia-query-');
  const store = await openSqliteStore(storePathInDataDir(dir));
  const tsdb = createTsdb(store, {});
  for (let t = T0; t <= T0 + 600_000; t += 15_000) {
    tsdb.append('prod', [
      { name: 'guardia_probe_up', labels: { env: 'prod', probe: 'api' }, t, v: 1 },
      { name: 'guardia_probe_up', labels: { env: 'prod', probe: 'db' }, t, v: t >= T0 + 300_000 ? 0 : 1 },
    ]);
  }
  await tsdb.close();
  await store.close();
  return dir;
}

describe('guardia query and query_range', () => {
  it('evaluates an expression at --at over the store in --data-dir, with no config file', async () => {
    const dir = await dataDir();
    const run = await cli(['query', 'guardia_probe_up == 0', '--at', String(S0 + 600), '--data-dir', dir], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('guardia_probe_up{env="prod", probe="db"}  0\n');
  });

  it('prints Prometheus-shaped JSON with --json', async () => {
    const dir = await dataDir();
    const run = await cli(['query', 'count(guardia_probe_up)', '--at', '2026-01-01T00:10:00Z', '--json', '--data-dir', dir], { cwd: dir });
    expect(JSON.parse(run.stdout)).toEqual({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: {}, value: [S0 + 600, '2'] }] },
    });
  });

  it('prints a range as one block per series', async () => {
    const dir = await dataDir();
    const args = ['query_range', 'sum(guardia_probe_up)', '--start', String(S0 + 240), '--end', String(S0 + 360), '--step', '1m'];
    const run = await cli([...args, '--data-dir', dir], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      ['{}', '  2026-01-01T00:04:00.000Z  2', '  2026-01-01T00:05:00.000Z  1', '  2026-01-01T00:06:00.000Z  1', ''].join('\n'),
    );
  });

  it('says so when nothing matches', async () => {
    const dir = await dataDir();
    const run = await cli(['query', 'nothing_here', '--at', String(S0), '--data-dir', dir], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: '(empty result)\n' });
  });

  it('refuses an invalid expression in one line, exit 1', async () => {
    const dir = await dataDir();
    const run = await cli(['query', 'sum(rate(x[5m])', '--data-dir', dir], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^guardia: /);
  });

  it('treats malformed times and steps as usage errors, exit 2', async () => {
    const dir = await dataDir();
    const bad = [
      ['query', 'up', '--at', 'yesterday'],
      ['query_range', 'up', '--step', 'often'],
      ['query_range', 'up', '--start', '-1h', '--step', '0'],
      ['query_range', 'up', '--start', '-30d', '--step', '1s'],
    ];
    for (const argv of bad) {
      const run = await cli([...argv, '--data-dir', dir], { cwd: dir });
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^guardia: (--at|--step|step|exceeded)/);
    }
  });

  it('fails with exit 3 when there is no store yet', async () => {
    const dir = tempDir('guardia-query-empty-');
    const run = await cli(['query', 'up', '--data-dir', join(dir, 'nothing')], { cwd: dir });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^guardia: no store at .*: run guardia up first, or pass --data-dir\n$/);
  });
});
