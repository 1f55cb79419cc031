import type { RepositoryConfig, S3RepositoryConfig } from '../../config/resolved-backup-config.js';
import { FileRepository } from './file-repository.js';
import type { Repository, RepositoryBody } from './repository.js';
import type { S3RepositoryDeps } from './s3-repository.js';

/** Seams shared by every kind of repository (only S3 uses them today). */
export type RepositoryDeps = S3RepositoryDeps;

/** Opens the repository a config names; call `close()` when done. */
export function createRepository(config: RepositoryConfig, deps: RepositoryDeps = {}): Repository {
  switch (config.kind) {
    case 'file':
      return new FileRepository(config);
    case 's3':
      return new LazyS3Repository(config, deps);
  }
}

/**
 * An S3 repository whose SDK is imported on first use: the AWS SDK takes most of a second to
 * load, which every command would pay (a restore from a `file:` repository included).
 */
class LazyS3Repository implements Repository {
  readonly display: string;
  private loaded: Promise<Repository> | undefined;

  constructor(
    private readonly config: S3RepositoryConfig,
    private readonly deps: RepositoryDeps,
  ) {
    this.display = config.display;
  }

  async put(key: string, body: RepositoryBody, options?: { signal?: AbortSignal }): Promise<void> {
    return (await this.real()).put(key, body, options);
  }

  async get(key: string, options?: { signal?: AbortSignal }) {
    return (await this.real()).get(key, options);
  }

  async stat(key: string) {
    return (await this.real()).stat(key);
  }

  async list(prefix: string) {
    return (await this.real()).list(prefix);
  }

  async deletePrefix(prefix: string) {
    return (await this.real()).deletePrefix(prefix);
  }

  async close(): Promise<void> {
    if (this.loaded) await (await this.loaded).close();
  }

  private real(): Promise<Repository> {
    this.loaded ??= import('./s3-repository.js').then(({ S3Repository }) => new S3Repository(this.config, this.deps));
    return this.loaded;
  }
}
