import { createHash } from 'node:crypto';
import { RepositoryError } from '../../errors.js';
import { backupPrefix } from '../internal/backup-id.js';
import type { BackupManifest } from '../manifest.js';
import type { Repository } from '../repository/repository.js';
import { runLimited } from './internal/run-limited.js';

/** Files hashed at once: reading is the bottleneck, hashing is cheap. */
const CHECK_CONCURRENCY = 3;

/**
 * Re-reads every stored file of `manifest` from `repository` and compares its size and sha256
 * with the manifest, without decrypting or decompressing (so no identity is needed). Returns
 * one line per problem (`dump/3456.dat.zst: sha256 mismatch`, `… is missing`), in manifest
 * order; empty when all match. `onBytes` gets the bytes read so far. A repository that cannot be read throws `RepositoryError`.
 */
export async function checkStoredFiles(
  repository: Repository,
  manifest: BackupManifest,
  options: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {},
): Promise<string[]> {
  const prefix = backupPrefix(manifest.environment, manifest.database, manifest.id);
  const problems = new Map<string, string>();
  let read = 0;
  const onChunk = (bytes: number) => options.onBytes?.((read += bytes));
  await runLimited(
    manifest.files,
    CHECK_CONCURRENCY,
    async (file, signal) => {
      const found = await hashStored(repository, `${prefix}${file.path}`, signal, onChunk);
      if (found === undefined) problems.set(file.path, `${file.path}: missing from ${repository.display}`);
      else if (found.size !== file.size) problems.set(file.path, `${file.path}: size ${found.size} bytes, manifest says ${file.size}`);
      else if (found.sha256 !== file.sha256) problems.set(file.path, `${file.path}: sha256 mismatch (stored file changed or damaged)`);
    },
    options.signal,
  );
  return manifest.files.flatMap((file) => problems.get(file.path) ?? []);
}

async function hashStored(repository: Repository, key: string, signal: AbortSignal, onChunk: (bytes: number) => void): Promise<{ size: number; sha256: string } | undefined> {
  let stream;
  try {
    stream = await repository.get(key, { signal });
  } catch (error) {
    if (error instanceof RepositoryError && error.notFound) return undefined;
    throw error;
  }
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
    onChunk((chunk as Buffer).length);
  }
  return { size, sha256: hash.digest('hex') };
}
