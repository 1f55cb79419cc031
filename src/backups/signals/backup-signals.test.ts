import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../config/index.js';
import { QueryService } from '../../query/index.js';
import { openMemoryStore } from '../../store/index.js';
import { createTsdb } from '../../tsdb/index.js';
import { BackupRecords } from '../backup-records.js';
import type { BackupListing, BackupService } from '../backup-service.js';
import { backupAlertRules, schedulePeriodMs } from './backup-alert-rules.js';
import { BackupSignalPublisher } from './backup-signal-publisher.js';
import { backupSignals } from './backup-signals.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 22, 2);

const listing = (id: string, startedAt: number, status: BackupListing['status']): BackupListing => ({
  id, environment: 'production', database: 'app', startedAt: new Date(startedAt).toISOString(), endedAt: new Date(startedAt + 90_000).toISOString(),
  rawBytes: 4096, storedBytes: 1024, encrypted: false, status, repositories: ['file:./b'],
});

const config = {
  environments: [
    { name: 'production', probes: [], backups: { schedule: '0 2 * * *', timezone: 'UTC', objectives: { rpoMs: 24 * HOUR } } },
    { name: 'staging', probes: [] },
  ],
  alerting: { rules: [] },
} as unknown as ResolvedConfig;

describe('backup series', () => {
  it('describes the newest backup and measures the RPO from the newest verified one', () => {
    const samples = backupSignals(
      { environment: 'production', database: 'app', backups: [listing('b2', T0, 'unverified'), listing('b1', T0 - 24 * HOUR, 'verified')], lastFailureMs: T0 - HOUR },
      T0 + HOUR,
    );
    expect(Object.fromEntries(samples.map((s) => [s.name, s.v]))).toEqual({
      guardia_backup_last_success_timestamp_seconds: (T0 + 90_000) / 1000,
      guardia_backup_last_failure_timestamp_seconds: (T0 - HOUR) / 1000,
      guardia_backup_duration_seconds: 90,
      guardia_backup_size_bytes: 1024,
      guardia_backup_verified: 0,
      guardia_backup_rpo_seconds: 25 * 3600,
    });
    expect(samples.every((s) => s.t === T0 + HOUR && s.labels.env === 'production' && s.labels.database === 'app')).toBe(true);
  });

  it('writes nothing for a database that never had a backup', () => {
    expect(backupSignals({ environment: 'production', database: 'app', backups: [] }, T0)).toEqual([]);
  });
});

describe('built-in backup rules', () => {
  it('adds BackupFailed and BackupVerifyFailed to each environment with backups, RPO and missed ones when configured', () => {
    const rules = backupAlertRules(config);
    expect(rules.map((r) => [r.env, r.name, r.severity])).toEqual([
      ['production', 'BackupFailed', 'high'],
      ['production', 'BackupVerifyFailed', 'high'],
      ['production', 'BackupRpoBreached', 'high'],
      ['production', 'BackupMissed', 'high'],
    ]);
    expect(rules[3]?.expr).toBe(`time() - guardia_backup_last_success_timestamp_seconds{env="production"} > ${25 * 3600}`);
  });

  it('leaves out a rule the environment defines itself, so it can be replaced', () => {
    const own = { name: 'BackupMissed', env: 'production', expr: 'vector(0) > 1' };
    expect(backupAlertRules({ ...config, alerting: { ...config.alerting, rules: [own as never] } }).map((r) => r.name)).not.toContain('BackupMissed');
  });

  it('takes the longest gap of a schedule as its period', () => {
    expect(schedulePeriodMs('0 2 * * *', 'Europe/Madrid')).toBe(24 * HOUR);
    expect(schedulePeriodMs('0 5 * * 0')).toBe(7 * 24 * HOUR);
  });

  it('fire from the series the publisher writes, read from the store records', async () => {
    const store = await openMemoryStore();
    const tsdb = createTsdb(store);
    const records = new BackupRecords(store.db);
    let listed = [listing('b1', T0 - 48 * HOUR, 'verified')];
    const service = { list: () => Promise.resolve(listed) } as unknown as BackupService;
    const publisher = new BackupSignalPublisher({ service, history: records, tsdb, environments: [{ name: 'production', databases: ['app'] }] });
    const query = new QueryService({ tsdb, now: () => T0 });
    const rules = backupAlertRules(config);
    const firing = async (at: number) => {
      const names: string[] = [];
      for (const rule of rules) {
        const { value } = await query.instant(rule.expr, at);
        if (value.type === 'vector' && value.vector.length > 0) names.push(rule.name);
      }
      return names;
    };
    await records.startRun({ id: 'b1', environment: 'production', database: 'app', operation: 'backup', startedAt: T0 - 48 * HOUR, holder: '1@h' });
    await records.finishRun('b1', 'completed', T0 - 48 * HOUR + 90_000);
    await records.startRun({ id: 'b2', environment: 'production', database: 'app', operation: 'backup', startedAt: T0, holder: '1@h' });
    await records.finishRun('b2', 'failed', T0 + 60_000, 'pg_dump: connection refused');
    await publisher.refresh(T0 + 120_000);
    expect(await firing(T0 + 120_000)).toEqual(['BackupFailed', 'BackupRpoBreached', 'BackupMissed']);

    await records.startRun({ id: 'b3', environment: 'production', database: 'app', operation: 'backup', startedAt: T0 + HOUR, holder: '1@h' });
    await records.finishRun('b3', 'completed', T0 + HOUR + 90_000);
    await records.recordVerification({ backupId: 'b3', environment: 'production', database: 'app', startedAt: new Date(T0 + HOUR + 100_000).toISOString(), endedAt: new Date(T0 + HOUR + 200_000).toISOString(), passed: true, restoreMs: 50_000, checks: [] });
    listed = [listing('b3', T0 + HOUR, 'verified'), ...listed];
    await publisher.refresh(T0 + HOUR + 300_000);
    expect(await firing(T0 + HOUR + 300_000)).toEqual([]);

    const registry = new Registry();
    publisher.register(registry);
    expect(await registry.metrics()).toContain('guardia_backup_verified{env="production",database="app"} 1');
    await tsdb.close();
    await store.close();
  });
});
