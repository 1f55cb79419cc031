import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RepositoryConfig } from '../../resolved-backup-config.js';
import type { RepositoryInput } from './repository-schema.js';

/**
 * A repository as the backup domain reads it. `file:backups` and `file:./backups` are relative
 * to `dir` (the config file's directory); `file:///srv/backups` and `file:/srv/backups` are
 * absolute. An `s3` repository with an endpoint defaults to path style and `when_required` checksums.
 */
export function repositoryFromInput(input: RepositoryInput, dir: string): RepositoryConfig {
  if (typeof input === 'string') return input.startsWith('file:') ? fileRepository(input, dir) : s3Repository({ s3: input });
  return s3Repository(input);
}

function fileRepository(location: string, dir: string): RepositoryConfig {
  const rest = location.slice('file:'.length);
  const path = rest.startsWith('//') ? fileURLToPath(location) : rest;
  return { kind: 'file', path: isAbsolute(path) ? resolve(path) : resolve(dir, path), display: location };
}

function s3Repository(input: Exclude<RepositoryInput, string>): RepositoryConfig {
  const url = new URL(input.s3);
  const prefix = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
  const custom = input.endpoint !== undefined;
  return {
    kind: 's3',
    bucket: url.hostname,
    prefix,
    region: input.region ?? 'us-east-1',
    ...(input.endpoint !== undefined ? { endpoint: input.endpoint } : {}),
    pathStyle: input.path_style ?? custom,
    checksums: input.checksums ?? (custom ? 'when_required' : 'when_supported'),
    display: `s3://${url.hostname}${prefix === '' ? '' : `/${prefix}`}`,
  };
}

/** The key that tells two repositories apart (the same directory or bucket prefix twice is a mistake). */
export function repositoryKey(repository: RepositoryConfig): string {
  return repository.kind === 'file' ? `file:${repository.path}` : `s3:${repository.endpoint ?? ''}/${repository.bucket}/${repository.prefix}`;
}
