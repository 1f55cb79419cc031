import { describe, expect, it } from 'vitest';
import { AlertStateRepository, alertFingerprint, type SavedAlert } from '../../src/alerts/index.js';
import { openSqliteStore, storePathInDataDir } from '../../src/store/index.js';
import { cli } from '../support/run-cli-capture.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';

const T0 = Date.UTC(2026, 0, 1);

function saved(rule: string, state: SavedAlert['state'], env: string | undefined, extra: Partial<SavedAlert> = {}): SavedAlert {
  const labels: Record<string, string> = { alertname: rule, severity: 'critical', ...(env ? { env } : {}), probe: 'api' };
  return {
    fingerprint: alertFingerprint(labels),
    rule,
    env,
    state,
    severity: 'critical',
    labels,
    annotations: { summary: `${rule} summary` },
    value: 0,
    activeAt: T0,
    firedAt: state === 'pending' ? null : T0,
    resolvedAt: state === 'resolved' ? T0 + 60_000 : null,
    updatedAt: T0,
    keepFiringSince: null,
    ...extra,
  };
}

/** A data directory whose store holds alerts as `guardia up` would leave them. */
async function dataDir(): Promise<string> {
  const dir = tempDir('guardia-alerts-cli-');
  const store = await openSqliteStore(storePathInDataDir(dir));
  const repository = new AlertStateRepository(store);
  await repository.save(saved('ApiDown', 'firing', 'production'));
  await repository.save(saved('ApiSlow', 'pending', 'staging'));
  await repository.save(saved('DbDown', 'resolved', 'production'));
  await store.close();
  return dir;
}

describe('guardia alerts', () => {
  it('lists alerts from the store in --data-dir as a table, exit 0', async () => {
    const dir = await dataDir();
    const run = await cli(['alerts', '--data-dir', dir], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ALERT\s+ENV\s+STATE\s+SEVERITY\s+SINCE\s+SUMMARY$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/).slice(0, 4))).toEqual([
      ['ApiDown', 'production', 'firing', 'critical'],
      ['ApiSlow', 'staging', 'pending', 'critical'],
      ['DbDown', 'production', 'resolved', 'critical'],
    ]);
  });

  it('filters by --state and --env and prints JSON with --json', async () => {
    const dir = await dataDir();
    const run = await cli(['alerts', '--state', 'firing', '--env', 'production', '--json', '--data-dir', dir], { cwd: dir });
    expect(run.code).toBe(0);
    const { alerts } = JSON.parse(run.stdout) as { alerts: Record<string, unknown>[] };
    expect(alerts).toEqual([expect.objectContaining({ rule: 'ApiDown', state: 'firing', env: 'production', firedAt: T0 })]);
    expect(alerts[0]).not.toHaveProperty('keepFiringSince');
  });

  it('says so when there are none, and refuses an unknown state with exit 2', async () => {
    const dir = tempDir('guardia-alerts-cli-');
    writeConfig(dir, 'project: demo\nenvironments:\n  production: {}\n');
    const empty = await cli(['alerts'], { cwd: dir });
    expect(empty).toMatchObject({ code: 0, stdout: 'no alerts\n' });
    const bad = await cli(['alerts', '--state', 'burning', '--data-dir', dir], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown --state "burning": use pending, firing, resolved');
  });
});
