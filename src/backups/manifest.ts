/**
 * The manifest of one backup, `manifest.json`, written last into the backup's folder: no
 * manifest, no backup. Everything a restore needs to check what it reads is here; it holds no
 * data and no secrets. `format: 1` changes only with a migration path for older backups.
 */
export interface BackupManifest {
  format: 1;
  /** Sortable by time: `20261122T020000Z-3f9a` (UTC start, then 4 random hex digits). */
  id: string;
  environment: string;
  /** The database's name in the config (`BackupDatabaseConfig.name`). */
  database: string;
  /** `server_version_num` of the dumped server, e.g. 150010. */
  serverVersion: number;
  /** pg_dump's version, e.g. `15.10`. */
  clientVersion: string;
  guardiaVersion: string;
  /** ISO 8601 UTC. */
  startedAt: string;
  endedAt: string;
  /** `pg_dump -Fd` (directory format); the files of the dump folder are under `dump/`. */
  method: 'pg_dump_directory';
  /** How each stored file is compressed: `zstd` (pg_dump -Z0 + zstd per file, `.zst`) or `gzip` (pg_dump's own, `.gz` inside the dump). */
  compression: 'zstd' | 'gzip';
  /** age recipients the files are encrypted to (`.age`); empty: not encrypted. */
  recipients: string[];
  /** Sum of the dump's sizes before compression and encryption. */
  rawBytes: number;
  /** Sum of the stored files' sizes. */
  storedBytes: number;
  /** Every stored file except the manifest, relative to the backup folder. */
  files: ManifestFile[];
  /** Tables whose data was dumped, with the row count read in the dump's snapshot. */
  tables: ManifestTable[];
  /** True when `globals.sql` (roles, tablespaces) is part of the backup. */
  globals: boolean;
}

export interface ManifestFile {
  /** e.g. `dump/toc.dat.zst.age`, `dump/3456.dat.zst.age`, `globals.sql.zst.age`. */
  path: string;
  /** Name once decrypted and decompressed, relative to the restore folder: `dump/toc.dat`. */
  plainPath: string;
  /** Stored size in bytes. */
  size: number;
  /** Size before compression and encryption. */
  rawSize: number;
  /** Lowercase hex sha256 of the stored bytes. */
  sha256: string;
}

export interface ManifestTable {
  schema: string;
  name: string;
  rows: number;
}
