import { describe, expect, it } from 'vitest';
import type { BackupListing, BackupService } from '../backups/index.js';
import type { BackupSignalPublisher } from '../backups/signals/backup-signal-publisher.js';
import { FakeClock } from '../clock/index.js';
import type { BackupsConfig, EnvironmentConfig } from '../config/index.js';
import { BackupSchedules, newestUnverified, type BackupSchedulesDeps } from './backup-jobs.js';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 10, 21, 23, 30); // a Saturday, 23:30 UTC

const listing = (id: string, database: string, status: BackupListing['status'], encrypted = false): BackupListing => ({
  id, environment: 'production', database, startedAt: '2026-11-22T02:00:00.000Z', endedAt: '2026-11-22T02:00:01.000Z',
  rawBytes: 1, storedBytes: 1, encrypted, status, repositories: [],
});

function environment(backups: Partial<BackupsConfig>): EnvironmentConfig {
  const base = { verify: { afterBackup: true, sql: [], amcheck: true }, drill: { smoke: [] }, timezone: 'UTC' } as unknown as BackupsConfig;
  return { name: 'production', tier: 'production', probes: [], backups: { ...base, ...backups } };
}

/** Records what the schedules ask of the backup service (the service has its own tests). */
function fixture(env: EnvironmentConfig, options: { slow?: boolean; list?: BackupListing[] } = {}) {
  const clock = new FakeClock(START);
  const calls: string[] = [];
  let finish: () => void = () => undefined;
  const service = {
    recoverInterrupted: () => (calls.push('recover'), Promise.resolve(0)),
    run: (env: string) => {
      calls.push(`run ${env} at ${new Date(clock.now()).toISOString()}`);
      return options.slow ? new Promise<BackupListing[]>((resolve) => (finish = () => resolve([]))) : Promise.resolve([]);
    },
    prune: (env: string) => (calls.push(`prune ${env}`), Promise.resolve([])),
    list: () => Promise.resolve(options.list ?? []),
    verify: (_env: string, target: { id: string }) => (calls.push(`verify ${target.id}`), Promise.resolve({ passed: true })),
    drill: (env: string) => (calls.push(`drill ${env} at ${new Date(clock.now()).toISOString()}`), Promise.resolve({ id: 'd', passed: true })),
  } as unknown as BackupService;
  let refreshes = 0;
  const signals = { refresh: () => (refreshes++, Promise.resolve()), repeat: () => undefined } as unknown as BackupSignalPublisher;
  const warnings: string[] = [];
  const note = (_fields: unknown, message: string) => void warnings.push(message);
  const log = { info: () => undefined, warn: note, error: note } as unknown as BackupSchedulesDeps['log'];
  const schedules = new BackupSchedules({ service, environments: [env], clock, signals, log });
  return { clock, calls, schedules, refreshes: () => refreshes, warnings, finish: () => finish() };
}

describe('backup schedules', () => {
  it('recovers interrupted runs at start, backs up at each cron time and prunes after it', async () => {
    const { clock, calls, schedules, refreshes } = fixture(environment({ schedule: '0 2 * * *' }));
    schedules.start();
    expect(calls).toEqual(['recover']);
    await clock.advance(2 * HOUR + 29 * 60_000);
    expect(calls).toEqual(['recover']);
    await clock.advance(60_000);
    expect(calls).toEqual(['recover', 'run production at 2026-11-22T02:00:00.000Z', 'prune production']);
    await clock.advance(24 * HOUR);
    expect(calls.filter((c) => c.startsWith('run'))).toEqual(['run production at 2026-11-22T02:00:00.000Z', 'run production at 2026-11-23T02:00:00.000Z']);
    expect(refreshes()).toBe(3);
    await schedules.stop();
    await clock.advance(48 * HOUR);
    expect(calls.filter((c) => c.startsWith('run'))).toHaveLength(2);
  });

  it('reads the schedule in the configured time zone', async () => {
    const { clock, calls, schedules } = fixture(environment({ schedule: '0 2 * * *', timezone: 'Europe/Madrid' }));
    schedules.start();
    await clock.advance(3 * HOUR);
    expect(calls).toContain('run production at 2026-11-22T01:00:00.000Z');
    await schedules.stop();
  });

  it('skips a slot while the previous backup still runs', async () => {
    const { clock, calls, schedules, warnings, finish } = fixture(environment({ schedule: '*/30 * * * *' }), { slow: true });
    schedules.start();
    await clock.advance(HOUR);
    expect(calls.filter((c) => c.startsWith('run'))).toEqual(['run production at 2026-11-22T00:00:00.000Z']);
    expect(warnings).toEqual(['previous backup operation still going; skipped this slot']);
    finish();
    await schedules.stop();
  });

  it('verifies the newest unverified backup of each database and runs drills on their schedules', async () => {
    const list = [listing('b3', 'app', 'unverified'), listing('b2', 'app', 'unverified'), listing('r1', 'reports', 'verified')];
    const env = environment({ verify: { schedule: '0 4 * * *', afterBackup: false, sql: [], amcheck: true }, drill: { schedule: '0 5 * * 0', smoke: [] } });
    const { clock, calls, schedules } = fixture(env, { list });
    schedules.start();
    await clock.advance(6 * HOUR);
    expect(calls).toEqual(['recover', 'verify b3', 'drill production at 2026-11-22T05:00:00.000Z']);
    await schedules.stop();
  });

  it('waits weeks in steps a timer can hold', async () => {
    const { clock, calls, schedules } = fixture(environment({ drill: { schedule: '0 5 1 */2 *', smoke: [] } }));
    schedules.start();
    await clock.advance(60 * 24 * HOUR);
    expect(calls).toEqual(['recover', 'drill production at 2027-01-01T05:00:00.000Z']);
    await schedules.stop();
  });
});

describe('newestUnverified', () => {
  it('takes the newest backup per database when it is unverified and can be decrypted', () => {
    const list = [listing('a2', 'app', 'unverified', true), listing('a1', 'app', 'unverified'), listing('r2', 'reports', 'failed'), listing('s1', 'stats', 'unverified')];
    expect(newestUnverified(list, false).map((b) => b.id)).toEqual(['s1']);
    expect(newestUnverified(list, true).map((b) => b.id)).toEqual(['a2', 's1']);
  });
});
