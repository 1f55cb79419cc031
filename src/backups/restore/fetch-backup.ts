import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ArchiveCodec } from '../archive/archive-codec.js';
import { backupPrefix } from '../internal/backup-id.js';
import type { BackupManifest, ManifestFile } from '../manifest.js';
import type { Repository } from '../repository/repository.js';
import { countBytes } from './internal/count-bytes.js';
import { runLimited } from './internal/run-limited.js';

/** Files downloaded and decoded at once: decryption and decompression use a core each. */
const FETCH_CONCURRENCY = 3;

export interface FetchBackupOptions {
  /** age identity file; needed when the backup is encrypted. */
  identityFile?: string;
  signal?: AbortSignal;
  /** Only these files of the manifest (default: all). */
  files?: readonly ManifestFile[];
  /** Stored bytes read by this call so far. */
  onBytes?: (bytes: number) => void;
}

/**
 * Downloads every file of `manifest` from `repository` and decodes it with `codec` into `dir`
 * under its plain path (`dump/toc.dat`, `globals.sql`), a few files at once, the largest
 * first. Each file's sha256 and size are checked as it streams (`BackupFailedError` naming the
 * file on a mismatch or a wrong identity); the first failure stops the rest.
 */
export async function fetchBackup(repository: Repository, manifest: BackupManifest, codec: ArchiveCodec, dir: string, options: FetchBackupOptions = {}): Promise<void> {
  const prefix = backupPrefix(manifest.environment, manifest.database, manifest.id);
  const files = [...(options.files ?? manifest.files)].sort((a, b) => b.size - a.size);
  let bytes = 0;
  await runLimited(
    files,
    FETCH_CONCURRENCY,
    async (file, signal) => {
      const plainFile = join(dir, file.plainPath);
      await mkdir(dirname(plainFile), { recursive: true });
      const stored = countBytes(await repository.get(`${prefix}${file.path}`, { signal }), (n) => {
        bytes += n;
        options.onBytes?.(bytes);
      });
      await codec.decodeTo(stored, plainFile, { path: file.path, sha256: file.sha256, size: file.size }, { identityFile: options.identityFile, signal });
    },
    options.signal,
  );
}
