import type { Kysely } from 'kysely';
import type { Clock } from '../clock/index.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { NotFoundError } from '../errors.js';
import type { EventBus, GuardiaEvents } from '../events/index.js';
import { createStoreLocks, type NamedLocks } from '../locks/index.js';
import type { Database } from '../store/index.js';
import type { BackupContext } from './backup-context.js';
import { listCatalog, toListing } from './backup-catalog.js';
import { BackupRecords, type RunRecord } from './backup-records.js';
import type { BackupListing, BackupService, OperationOptions, RunningOperation, VerificationReport } from './backup-service.js';
import { defaultBackupTools, type BackupTools } from './backup-tools.js';
import { runBackup } from './backup-runner.js';
import { runDrill } from './drill/run-drill.js';
import { backedUpEnvironment, withRepositories, type BackedUpEnvironment } from './internal/environment-backups.js';
import { pruneBackups } from './internal/prune-backups.js';
import { recoverInterrupted } from './internal/recover-interrupted.js';
import { resolveTarget } from './internal/resolve-target.js';
import { trackedOperation } from './internal/tracked-operation.js';
import type { BackupManifest } from './manifest.js';
import type { Repository } from './repository/repository.js';
import { restoreBackup } from './restore/restore-backup.js';
import { planRetention } from './retention/plan-retention.js';
import { verifyBackup } from './verify/verify-backup.js';

export interface BackupServiceDeps {
  /** Environments with `backups:`; others are refused with `NotFoundError`. */
  config: Pick<ResolvedConfig, 'file' | 'environments'>;
  /** The state store: runs, verifications, drills and locks. */
  db: Kysely<Database>;
  clock: Clock;
  /** guardia's data directory: staging under `backups-staging/`, restores and drill reports. */
  dataDir: string;
  /** guardia's version, written into each manifest. */
  guardiaVersion: string;
  events?: EventBus<GuardiaEvents>;
  /** Replaces single parts (tests, bench); the rest are the real ones. */
  tools?: Partial<BackupTools>;
}

/** A `BackupService` plus the start-up reconciliation the daemon and CLI run. */
export type LocalBackupService = BackupService & Required<Pick<BackupService, 'recoverInterrupted'>>;

/**
 * The backup service over the store and the configured repositories: no daemon needed, and
 * the CLI, the API and the daemon's schedules share it. Repositories are opened per call and
 * closed after it.
 */
export function createBackupService(deps: BackupServiceDeps): LocalBackupService {
  const tools = defaultBackupTools(deps.tools);
  const records = new BackupRecords(deps.db);
  const locks: NamedLocks = createStoreLocks(deps.db, { clock: deps.clock });
  const open = (env: BackedUpEnvironment) => <T>(fn: (repositories: Repository[]) => Promise<T>) => withRepositories(env.backups, tools.createRepository, fn);

  function context(env: BackedUpEnvironment, repositories: Repository[], options: OperationOptions): BackupContext {
    return {
      clock: deps.clock, dataDir: deps.dataDir, environment: env.name, config: env.backups, repositories, createCodec: tools.createCodec,
      pgTools: tools.pgTools, pgAdmin: tools.pgAdmin, probes: env.probes, records, onProgress: options.onProgress, signal: options.signal,
    };
  }

  async function listings(env: BackedUpEnvironment, repositories: Repository[], database?: string): Promise<BackupListing[]> {
    const entries = await listCatalog(repositories, env.name, database);
    const verifications = await records.latestVerifications(env.name);
    const context = { verifyIdentityConfigured: env.backups.verify.identityFile !== undefined };
    return entries.map((entry) => toListing(entry, verifications.get(entry.id), context));
  }

  /** Verification right after a backup: a failure to verify marks the backup failed, not the run. */
  async function verifyAfterBackup(env: BackedUpEnvironment, repositories: Repository[], manifest: BackupManifest, options: OperationOptions): Promise<void> {
    const { verify } = env.backups;
    if (!verify.afterBackup || (manifest.recipients.length > 0 && verify.identityFile === undefined)) return;
    await verifyTracked(env, repositories, { manifest, repository: repositories[0]! }, options).catch(async (error: unknown) => {
      if (options.signal?.aborted) throw error;
      const at = new Date(deps.clock.now()).toISOString();
      const report: VerificationReport = {
        backupId: manifest.id, environment: env.name, database: manifest.database, startedAt: at, endedAt: at, passed: false, restoreMs: 0,
        checks: [{ name: 'verify', passed: false, detail: (error as Error).message ?? String(error) }],
      };
      await records.recordVerification(report, 'verify');
      deps.events?.emit('backup:verify_failed', report);
    });
  }

  async function verifyTracked(env: BackedUpEnvironment, repositories: Repository[], backup: { manifest: BackupManifest; repository: Repository }, options: OperationOptions) {
    const what = { operation: 'verify' as const, environment: env.name, database: backup.manifest.database, onProgress: options.onProgress };
    const report = await trackedOperation({ clock: deps.clock, records, locks }, what, (onProgress) =>
      verifyBackup(context(env, repositories, { ...options, onProgress }), backup.manifest, backup.repository),
    );
    if (report.unverifiedReason === undefined) deps.events?.emit(report.passed ? 'backup:verified' : 'backup:verify_failed', report);
    return report;
  }

  /** Marks runs of dead processes interrupted and removes their leftovers (see `recoverInterrupted`). */
  async function recover(): Promise<number> {
    const envs = deps.config.environments.filter((e): e is BackedUpEnvironment => e.backups !== undefined);
    const opened = new Map(envs.map((e) => [e.name, e.backups.repositories.map(tools.createRepository)]));
    try {
      const marked = await recoverInterrupted({ clock: deps.clock, dataDir: deps.dataDir, records, locks, repositoriesOf: (name) => opened.get(name) });
      return marked.length;
    } finally {
      await Promise.all([...opened.values()].flat().map((r) => r.close().catch(() => undefined)));
    }
  }

  return {
    async run(environment, options = {}) {
      const env = backedUpEnvironment(deps.config, environment);
      const databases = env.backups.databases.filter((d) => options.database === undefined || d.name === options.database);
      if (databases.length === 0) throw new NotFoundError(`environment "${environment}" backs up no database "${options.database}" (${env.backups.databases.map((d) => d.name).join(', ')})`);
      await recover();
      return open(env)(async (repositories) => {
        const codec = await tools.createCodec({ recipients: env.backups.encryptTo });
        const done: BackupManifest[] = [];
        let failure: unknown;
        for (const database of databases) {
          try {
            const manifest = await runBackup(
              { clock: deps.clock, dataDir: deps.dataDir, records, locks, pgTools: tools.pgTools, pgAdmin: tools.pgAdmin, codec, repositories, guardiaVersion: deps.guardiaVersion, events: deps.events },
              { environment, config: env.backups, database, signal: options.signal, onProgress: options.onProgress },
            );
            done.push(manifest);
            await verifyAfterBackup(env, repositories, manifest, options);
          } catch (error) {
            // One database failing does not stop the others; the first failure is thrown at the end.
            failure ??= error;
            if (options.signal?.aborted) break;
          }
        }
        if (failure !== undefined) throw failure;
        const listed = await listings(env, repositories);
        return done.map((m) => listed.find((l) => l.id === m.id && l.database === m.database)).filter((l): l is BackupListing => l !== undefined);
      });
    },

    async list(environment, options = {}) {
      const env = backedUpEnvironment(deps.config, environment);
      return open(env)((repositories) => listings(env, repositories, options.database));
    },

    async show(environment, id) {
      const env = backedUpEnvironment(deps.config, environment);
      return open(env)(async (repositories) => {
        const { manifest } = await resolveTarget(repositories, environment, { id });
        const listing = (await listings(env, repositories, manifest.database)).find((l) => l.id === id)!;
        const identity = manifest.recipients.length > 0 ? ' --identity AGE_IDENTITY_FILE' : '';
        return {
          ...listing, manifest, verifications: await records.verificationsOf(id),
          restoreCommand: `guardia backup restore ${environment} --id ${id} --to DATABASE_URL${identity}`,
        };
      });
    },

    async verify(environment, target, options = {}) {
      const env = backedUpEnvironment(deps.config, environment);
      return open(env)(async (repositories) => verifyTracked(env, repositories, await resolveTarget(repositories, environment, target), options));
    },

    async restore(environment, target, options) {
      const env = backedUpEnvironment(deps.config, environment);
      return open(env)(async (repositories) => {
        const { manifest, repository } = await resolveTarget(repositories, environment, target);
        const what = { operation: 'restore' as const, environment, database: manifest.database, onProgress: options.onProgress };
        return trackedOperation({ clock: deps.clock, records, locks }, what, (onProgress) =>
          restoreBackup(context(env, repositories, { ...options, onProgress }), {
            manifest, repository, to: options.to, yes: options.yes, identityFile: options.identityFile, tables: options.tables,
            withoutOwners: options.withoutOwners,
          }),
        );
      });
    },

    async prune(environment, options = {}) {
      const env = backedUpEnvironment(deps.config, environment);
      return open(env)((repositories) =>
        pruneBackups({ environment, config: env.backups, repositories, records, planRetention, now: deps.clock.now(), dryRun: options.dryRun ?? false }),
      );
    },

    async drill(environment, options = {}) {
      const env = backedUpEnvironment(deps.config, environment);
      const database = env.backups.databases[0]?.name ?? environment;
      return open(env)(async (repositories) => {
        const what = { operation: 'drill' as const, environment, database, onProgress: options.onProgress };
        const report = await trackedOperation({ clock: deps.clock, records, locks }, what, (onProgress) => runDrill(context(env, repositories, { ...options, onProgress })));
        deps.events?.emit('drill:completed', report);
        return report;
      });
    },

    async drills(environment, options = {}) {
      backedUpEnvironment(deps.config, environment);
      return records.drills(environment, options.limit);
    },

    async running() {
      return (await records.running()).map(toRunning);
    },

    recoverInterrupted: recover,
  };
}

function toRunning(run: RunRecord): RunningOperation {
  const progress = run.progress ?? { operation: run.operation, environment: run.environment, database: run.database, phase: 'start', bytes: 0, tables: 0 };
  return { ...progress, id: run.id, startedAt: new Date(run.startedAt).toISOString(), holder: run.holder };
}
