import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { BackupListing, BackupService } from '../backups/index.js';
import type { Clock } from '../clock/index.js';
import type { ResolvedConfig } from '../config/index.js';
import { NotFoundError, RefusedError } from '../errors.js';
import { createStoreLocks, holdLock, lockHolder, type NamedLocks } from '../locks/index.js';
import type { Database } from '../store/index.js';
import { findUncoveredColumns, type PersonalColumn } from './coverage/find-personal-columns.js';
import { maskDatabase, type MaskReport } from './masking/mask-database.js';
import { MirrorRecords } from './mirror-records.js';
import type { MirrorOptions, MirrorRecord, MirrorService } from './mirror-service.js';
import { recoverInterruptedMirrors } from './internal/recover-interrupted-mirrors.js';
import { mirrorPlan, type MirrorPlan } from './internal/mirror-plan.js';
import { databaseOf, dropDatabase, refuseNonEmpty, siblingName, siblingUrl, swapDatabase } from './internal/mirror-databases.js';
import { runSeeds } from './internal/run-seeds.js';
import { statementFailed, withSqlSession } from './internal/sql-session.js';

export interface MirrorServiceDeps {
  config: Pick<ResolvedConfig, 'file' | 'environments'>;
  /** The state store: mirror records, generated masking keys, locks. */
  db: Kysely<Database>;
  clock: Clock;
  /** Lists and restores the source's backups. */
  backups: BackupService;
}

/** The mirror service over the store, the backup service and the target's PostgreSQL server. */
export function createMirrorService(deps: MirrorServiceDeps): MirrorService {
  const records = new MirrorRecords(deps.db);
  const locks: NamedLocks = createStoreLocks(deps.db, { clock: deps.clock });

  /** Restores the newest verified backup of the plan's source into a scratch sibling of the target; always drops the scratch after `work`. */
  async function withScratch<T>(plan: MirrorPlan, backup: BackupListing, role: 'mirror' | 'check', suffix: string, options: MirrorOptions, work: (url: string, name: string) => Promise<T>): Promise<T> {
    const name = siblingName(databaseOf(plan.database), role, suffix);
    const url = siblingUrl(plan.database, name);
    try {
      options.onProgress?.({ phase: 'restore', detail: `backup ${backup.id} of ${plan.from.name} into ${name}` });
      await deps.backups.restore(plan.from.name, { id: backup.id, database: backup.database }, {
        // Staging's server need not have production's roles: its objects belong to the role that mirrors.
        to: url, yes: true, withoutOwners: true,
        ...(options.identityFile !== undefined ? { identityFile: options.identityFile } : {}),
        ...(options.signal !== undefined ? { signal: options.signal } : {}),
      });
      return await work(url, name);
    } finally {
      // After a swap the scratch name is gone and this does nothing; otherwise no copy of unmasked data is left behind.
      await dropDatabase(plan.database, name).catch(() => undefined);
    }
  }

  async function uncoveredIn(url: string, plan: MirrorPlan): Promise<PersonalColumn[]> {
    return withSqlSession(url, (client) => findUncoveredColumns(client, plan.mirror.rules, plan.mirror.allow)).catch((error: unknown) => {
      throw statementFailed('coverage check failed', error);
    });
  }

  async function maskAndSeed(url: string, plan: MirrorPlan, key: string, options: MirrorOptions): Promise<MaskReport> {
    return withSqlSession(url, async (client) => {
      options.onProgress?.({ phase: 'mask', detail: `${plan.mirror.rules.length} rules` });
      const report = await maskDatabase(client, plan.mirror.rules, { key, now: () => deps.clock.now() });
      if (plan.mirror.seed.length > 0) {
        options.onProgress?.({ phase: 'seed', detail: `${plan.mirror.seed.length} seed file${plan.mirror.seed.length === 1 ? '' : 's'}` });
        await runSeeds(client, plan.mirror.seed);
      }
      return report;
    }).catch((error: unknown) => {
      throw statementFailed('masking failed', error);
    });
  }

  async function mirrorInto(plan: MirrorPlan, id: string, backup: BackupListing, options: MirrorOptions): Promise<MaskReport> {
    const key = plan.mirror.key ?? (await records.keyOf(plan.to.name, deps.clock.now()));
    const suffix = id.slice(-6);
    return withScratch(plan, backup, 'mirror', suffix, options, async (url, name) => {
      options.onProgress?.({ phase: 'check', detail: 'personal-data coverage' });
      const uncovered = await uncoveredIn(url, plan);
      if (uncovered.length > 0) throw uncoveredError(plan, uncovered);
      const report = await maskAndSeed(url, plan, key, options);
      // The target may have been filled while the copy was made.
      await refuseNonEmpty(plan.database, options.yes, `the mirror of ${plan.from.name}`);
      options.onProgress?.({ phase: 'swap', detail: `${name} → ${databaseOf(plan.database)}` });
      await swapDatabase(plan.database, name, siblingName(databaseOf(plan.database), 'old', suffix), deps.clock).catch((error: unknown) => {
        throw statementFailed(`swap into ${databaseOf(plan.database)} failed (it was left as it was)`, error);
      });
      return report;
    });
  }

  return {
    async mirror(from, to, options = {}) {
      const plan = mirrorPlan(deps.config, from, to);
      await refuseNonEmpty(plan.database, options.yes, `the mirror of ${from}`);
      const holder = lockHolder(`mirror ${from} into ${to}`);
      const lock = await holdLock(locks, `mirror:${to}`, holder, { clock: deps.clock, what: `mirroring into ${to}` });
      try {
        await recoverInterruptedMirrors({ records, locks, clock: deps.clock, removeLeftovers: (run) => removeLeftovers(deps.config, run) });
        const backup = await newestVerified(deps.backups, from);
        const id = mirrorId(deps.clock.now());
        await records.start({
          id, from, to, backupId: backup.id, holder, startedAt: deps.clock.now(),
          rules: plan.mirror.rules.map(ruleText), seedFiles: plan.mirror.seed,
        });
        try {
          const masked = await mirrorInto(plan, id, backup, options);
          await records.finish(id, 'succeeded', deps.clock.now(), { masked });
        } catch (error) {
          await records.finish(id, 'failed', deps.clock.now(), { error: error instanceof Error ? error.message : String(error) });
          throw error;
        }
        return (await records.get(id)) as MirrorRecord;
      } finally {
        await lock.release();
      }
    },

    async check(from, to, options = {}) {
      const plan = mirrorPlan(deps.config, from, to);
      const backup = await newestVerified(deps.backups, from);
      const uncovered = await withScratch(plan, backup, 'check', randomBytes(3).toString('hex'), options, (url) => {
        options.onProgress?.({ phase: 'check', detail: 'personal-data coverage' });
        return uncoveredIn(url, plan);
      });
      return { from, to, backupId: backup.id, uncovered };
    },

    list(to, options = {}) {
      return records.list(to, options.limit);
    },
  };
}

/** Drops the scratch and old copies an interrupted mirror into a still-configured environment may have left. */
async function removeLeftovers(config: MirrorServiceDeps['config'], run: MirrorRecord): Promise<void> {
  const url = config.environments.find((e) => e.name === run.to)?.database;
  if (url === undefined) return;
  const suffix = run.id.slice(-6);
  for (const role of ['mirror', 'old'] as const) await dropDatabase(url, siblingName(databaseOf(url), role, suffix));
}

async function newestVerified(backups: BackupService, from: string): Promise<BackupListing> {
  const backup = (await backups.list(from)).find((b) => b.status === 'verified');
  if (backup === undefined) {
    throw new NotFoundError(`environment ${from} has no verified backup to mirror: run guardia backup verify ${from} --latest (or guardia backup run ${from})`);
  }
  return backup;
}

function uncoveredError(plan: MirrorPlan, uncovered: readonly PersonalColumn[]): RefusedError {
  const list = uncovered.map((c) => `${c.schema}.${c.table}.${c.column} ${c.type} ${c.reason}`).join('; ');
  return new RefusedError(
    `${uncovered.length} personal-looking column${uncovered.length === 1 ? ' has' : 's have'} no mask rule: ${list}; add a rule to environments.${plan.to.name}.mirror.mask or list the column in mirror.allow`,
  );
}

/** `users.email: email`, `audit_log: truncate`, `users.password_hash: fixed`. */
function ruleText(rule: MirrorPlan['mirror']['rules'][number]): string {
  return `${rule.key}: ${rule.kind === 'truncate' ? 'truncate' : rule.method.kind}`;
}

/** `20261122T190102Z-3f9a1c`: sortable, and its last 6 characters name the scratch databases. */
function mirrorId(now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
