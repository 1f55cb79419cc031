import { statfs } from 'node:fs/promises';

/** What `statfs(2)` says of a filesystem, in blocks of `bsize` bytes. */
export interface FilesystemStats {
  bsize: number;
  blocks: number;
  /** Free blocks, including those reserved for root. */
  bfree: number;
  /** Free blocks an unprivileged process may use. */
  bavail: number;
}

/**
 * Where the host probe reads the machine from: a `/proc` directory and `statfs`. Tests
 * point `procDir` at fixture files and give fixed filesystem figures.
 */
export interface HostReaders {
  procDir: string;
  statfs(path: string): Promise<FilesystemStats>;
}

/** The machine guardia runs on. */
export const systemHostReaders: HostReaders = {
  procDir: '/proc',
  statfs: (path) => statfs(path),
};
