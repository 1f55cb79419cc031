import { dirname } from 'node:path';
import { createBackupService, type BackupService } from '../../backups/index.js';
import type { ResolvedConfig } from '../../config/index.js';
import { openSqliteStore } from '../../store/index.js';
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
export const openBackupSession: OpenBackupSession = async (io, options, work) => {
  const ctx = new CliContext(io, options);
  const config = await ctx.loadConfig();
  const storePath = ctx.storePath(config);
  const store = await openSqliteStore(storePath, { now: () => ctx.clock.now() });
  try {
    const service = createBackupService({ config, db: store.db, clock: ctx.clock, dataDir: dirname(storePath), guardiaVersion: VERSION });
    await work({ service, config });
  } finally {
    await store.close();
  }
};
