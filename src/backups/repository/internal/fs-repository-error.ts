import { RepositoryError } from '../../../errors.js';

const REMEDIES: Record<string, string> = {
  ENOSPC: 'no space left on the device: free space or prune old backups',
  EDQUOT: 'disk quota exceeded: free space or prune old backups',
  EACCES: 'permission denied: let the user running guardia read and write it',
  EPERM: 'operation not permitted: let the user running guardia read and write it',
  EROFS: 'read-only file system: point the repository at a writable directory',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a file stands where a directory is expected',
  // mkdir's answer when the directory to create is already a file.
  EEXIST: 'a file stands where a directory is expected',
  EISDIR: 'a directory stands where a file is expected',
};

/** Maps a file-system failure to a `RepositoryError` naming the repository, the action and the path. */
export function fsRepositoryError(display: string, action: string, path: string, error: unknown): RepositoryError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code && REMEDIES[code]) ?? (error instanceof Error ? error.message : String(error));
  return new RepositoryError(`${display}: cannot ${action} ${path} (${code ?? 'error'}): ${reason}`, false, { cause: error });
}
