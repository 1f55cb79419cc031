import type { RepositoryConfig } from '../../config/resolved-backup-config.js';
import { FileRepository } from './file-repository.js';
import type { Repository } from './repository.js';
import { S3Repository, type S3RepositoryDeps } from './s3-repository.js';

/** Seams shared by every kind of repository (only S3 uses them today). */
export type RepositoryDeps = S3RepositoryDeps;

/** Opens the repository a config names; call `close()` when done. */
export function createRepository(config: RepositoryConfig, deps: RepositoryDeps = {}): Repository {
  switch (config.kind) {
    case 'file':
      return new FileRepository(config);
    case 's3':
      return new S3Repository(config, deps);
  }
}
