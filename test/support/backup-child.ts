/**
 * A backup run in its own process, for tests that kill it: `node --import
 * ./test/support/ts-register.mjs test/support/backup-child.ts '<json>'` with
 * `{ storePath, dataDir, databaseUrl, repositories }`. Backs up database `app` of environment
 * `production` to those repositories with the real tools and the system clock.
 */
import { createBackupService } from '../../src/backups/create-backup-service.js';
import { testBackupsConfig, testConfig } from '../../src/backups/internal/backup-test-kit.js';
import { systemClock } from '../../src/clock/index.js';
import type { RepositoryConfig } from '../../src/config/resolved-backup-config.js';
import { openSqliteStore } from '../../src/store/index.js';

const args = JSON.parse(process.argv[2] ?? '{}') as { storePath: string; dataDir: string; databaseUrl: string; repositories: RepositoryConfig[] };
const store = await openSqliteStore(args.storePath);
const service = createBackupService({
  config: testConfig(testBackupsConfig(args.databaseUrl, args.repositories, { jobs: 1 })),
  db: store.db,
  clock: systemClock,
  dataDir: args.dataDir,
  guardiaVersion: 'child',
});
await service.run('production');
await store.close();
