import type { Kysely } from 'kysely';
import { dirname } from 'node:path';
import { createBackupService, type BackupService } from '../../backups/index.js';
import type { ResolvedConfig } from '../../config/index.js';
import type { Clock } from '../../clock/index.js';
import { openSqliteStore, type Database } from '../../store/index.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { VERSION } from '../version.js';

/** What the backup and drill commands work with: the config and the backup service over the store. */
export interface BackupSession {
  service: BackupService;
  config: ResolvedConfig;
}

/** Opens a session for one command and closes it after `work`, also when `work` throws. */
export type OpenBackupSession = (io: CliIo, options: GlobalOptions, work: (session: BackupSession) => Promise<void>) => Promise<void>;

/** The real session: config, the store in `--data-dir` (its folder is the data directory) and `createBackupService` over them. */
export const openBackupSession: OpenBackupSession = (io, options, work) =>
  withBackupService(io, options, ({ config, backups }) => work({ service: backups, config }));

/** What commands built on backups get: the config, the store, the clock and the backup service over them. */
export interface BackupServiceScope {
  config: ResolvedConfig;
  db: Kysely<Database>;
  clock: Clock;
  backups: BackupService;
}

/** Loads the config, opens the store in `--data-dir`, builds the backup service, and closes the store after `work`, also when it throws. */
export async function withBackupService(io: CliIo, options: GlobalOptions, work: (scope: BackupServiceScope) => Promise<void>): Promise<void> {
  const ctx = new CliContext(io, options);
  const config = await ctx.loadConfig();
  const storePath = ctx.storePath(config);
  const store = await openSqliteStore(storePath, { now: () => ctx.clock.now() });
  try {
    const backups = createBackupService({ config, db: store.db, clock: ctx.clock, dataDir: dirname(storePath), guardiaVersion: VERSION });
    await work({ config, db: store.db, clock: ctx.clock, backups });
  } finally {
    await store.close();
  }
}
