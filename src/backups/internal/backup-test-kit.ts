import type { BackupsConfig, RepositoryConfig } from '../../config/resolved-backup-config.js';
import type { EnvironmentConfig, ResolvedConfig } from '../../config/resolved-config.js';

/** A resolved `backups:` for tests: one database, no schedules, no encryption, verify off unless asked. */
export function testBackupsConfig(databaseUrl: string, repositories: RepositoryConfig[], overrides: Partial<BackupsConfig> = {}): BackupsConfig {
  return {
    databases: [{ name: 'app', url: databaseUrl }],
    jobs: 2,
    excludeTableData: [],
    globals: false,
    repositories,
    encryptTo: [],
    verify: { afterBackup: false, sql: [], amcheck: false },
    keep: { minimum: 1 },
    objectives: {},
    drill: { smoke: [] },
    ...overrides,
  };
}

/** A file repository config for a directory. */
export function fileRepository(path: string): RepositoryConfig {
  return { kind: 'file', path, display: `file:${path}` };
}

/** The part of a resolved config the backup service reads, with one environment. */
export function testConfig(backups: BackupsConfig, name = 'production'): Pick<ResolvedConfig, 'file' | 'environments'> {
  const env: EnvironmentConfig = { name, tier: 'production', probes: [], backups };
  return { file: '/etc/guardia/guardia.yaml', environments: [env] };
}
