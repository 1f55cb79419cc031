import type { RepositoryConfig } from '../config/resolved-backup-config.js';
import type { ArchiveCodec, ArchiveCodecOptions } from './archive/archive-codec.js';
import { createArchiveCodec } from './archive/create-archive-codec.js';
import { createPgAdmin } from './pg/pg-admin-sql.js';
import type { PgAdmin } from './pg/pg-admin.js';
import { createPgTools } from './pg/pg-tools-cli.js';
import type { PgTools } from './pg/pg-tools.js';
import { createRepository } from './repository/create-repository.js';
import type { Repository } from './repository/repository.js';

/** The parts a backup service is made of; tests and the bench swap single ones. */
export interface BackupTools {
  createRepository(config: RepositoryConfig): Repository;
  createCodec(options: ArchiveCodecOptions): Promise<ArchiveCodec>;
  pgTools: PgTools;
  pgAdmin: PgAdmin;
}

/** The real parts: file and S3 repositories, the zstd/age codec, the pg client programs, SQL over the pg driver. */
export function defaultBackupTools(overrides: Partial<BackupTools> = {}): BackupTools {
  return {
    createRepository: overrides.createRepository ?? ((config) => createRepository(config)),
    createCodec: overrides.createCodec ?? createArchiveCodec,
    pgTools: overrides.pgTools ?? createPgTools(),
    pgAdmin: overrides.pgAdmin ?? createPgAdmin(),
  };
}
