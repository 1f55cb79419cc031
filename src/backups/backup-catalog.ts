import type { Readable } from 'node:stream';
import { RepositoryError } from '../errors.js';
import type { BackupListing, VerificationReport } from './backup-service.js';
import { backupIdTime } from './internal/backup-id.js';
import type { BackupManifest } from './manifest.js';
import { parseManifest } from './manifest-io.js';
import type { Repository } from './repository/repository.js';

/** One complete backup folder (its `manifest.json` exists) as the repositories hold it. */
export interface CatalogEntry {
  id: string;
  environment: string;
  database: string;
  /** Undefined when the manifest could not be read or trusted; `problem` says why. */
  manifest?: BackupManifest;
  problem?: string;
  /** Repositories holding the manifest (display form), in config order. */
  repositories: string[];
}

/** A backup folder without a manifest: a run that failed, was killed, or is still uploading. */
export interface IncompleteFolder {
  repository: Repository;
  /** `<env>/<db>/<id>/`. */
  prefix: string;
  id: string;
  database: string;
}

/** Manifests are small; a huge one is not ours. */
const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;

/**
 * Complete backups of an environment (optionally one database), newest first. Every repository
 * is listed; unreachable ones are skipped unless none answers (then the first one's error is
 * thrown). Each manifest is read from the first repository holding it. Folders without a
 * manifest are never listed.
 */
export async function listCatalog(repositories: readonly Repository[], environment: string, database?: string): Promise<CatalogEntry[]> {
  const listed = await listAll(repositories, environment, database);
  const holders = new Map<string, { database: string; repositories: Repository[] }>();
  for (const { repository, keys } of listed) {
    for (const key of keys) {
      const parts = key.split('/');
      if (parts.length !== 4 || parts[3] !== 'manifest.json' || backupIdTime(parts[2]!) === undefined) continue;
      const entry = holders.get(`${parts[1]}/${parts[2]}`) ?? { database: parts[1]!, repositories: [] };
      entry.repositories.push(repository);
      holders.set(`${parts[1]}/${parts[2]}`, entry);
    }
  }
  const entries = await Promise.all(
    [...holders.entries()].map(async ([folder, holder]) => {
      const id = folder.slice(holder.database.length + 1);
      const read = await readManifest(holder.repositories, `${environment}/${folder}/manifest.json`, { id, environment, database: holder.database });
      return { id, environment, database: holder.database, ...read, repositories: holder.repositories.map((r) => r.display) };
    }),
  );
  // Newest first: ids order by the second a backup started; the manifest's start (ms) breaks ties.
  const started = (entry: (typeof entries)[number]) => (entry.manifest ? Date.parse(entry.manifest.startedAt) : (backupIdTime(entry.id) ?? 0));
  return entries.sort((a, b) => started(b) - started(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : a.database.localeCompare(b.database)));
}

/** Backup folders of an environment that have no manifest, in every reachable repository. */
export async function listIncomplete(repositories: readonly Repository[], environment: string): Promise<IncompleteFolder[]> {
  const found: IncompleteFolder[] = [];
  for (const { repository, keys } of await listAll(repositories, environment)) {
    const folders = new Map<string, boolean>();
    for (const key of keys) {
      const parts = key.split('/');
      if (parts.length < 4 || backupIdTime(parts[2]!) === undefined) continue;
      const prefix = `${parts[0]}/${parts[1]}/${parts[2]}/`;
      folders.set(prefix, (folders.get(prefix) ?? false) || (parts.length === 4 && parts[3] === 'manifest.json'));
    }
    for (const [prefix, complete] of folders) {
      const [, db, id] = prefix.split('/');
      if (!complete) found.push({ repository, prefix, id: id!, database: db! });
    }
  }
  return found;
}

/** Whether encrypted backups can be verified, for the status reason of unverified ones. */
export interface ListingContext {
  verifyIdentityConfigured: boolean;
}

/**
 * A catalog entry as the CLI and API list it, with its status from the newest verification:
 * verified, failed (verification failed or the manifest is damaged), or unverified with why.
 */
export function toListing(entry: CatalogEntry, verification: VerificationReport | undefined, context: ListingContext): BackupListing {
  const m = entry.manifest;
  const startedAt = m?.startedAt ?? new Date(backupIdTime(entry.id) ?? 0).toISOString();
  const base = {
    id: entry.id, environment: entry.environment, database: entry.database, startedAt, endedAt: m?.endedAt ?? startedAt,
    rawBytes: m?.rawBytes ?? 0, storedBytes: m?.storedBytes ?? 0, encrypted: (m?.recipients.length ?? 0) > 0, repositories: entry.repositories,
  };
  if (!m) return { ...base, status: 'failed', statusReason: entry.problem ?? 'manifest.json cannot be read' };
  if (verification?.passed) return { ...base, status: 'verified', verifiedAt: verification.endedAt, rtoMs: verification.restoreMs };
  if (verification) {
    const failed = verification.checks.find((c) => !c.passed);
    return { ...base, status: 'failed', statusReason: failed ? `verification failed: ${failed.name}: ${failed.detail}` : 'verification failed' };
  }
  const reason = base.encrypted && !context.verifyIdentityConfigured ? 'encrypted and no verify identity configured (backups.verify.identity)' : 'not verified yet';
  return { ...base, status: 'unverified', statusReason: reason };
}

async function listAll(repositories: readonly Repository[], environment: string, database?: string): Promise<{ repository: Repository; keys: string[] }[]> {
  const prefix = database === undefined ? `${environment}/` : `${environment}/${database}/`;
  const results = await Promise.allSettled(repositories.map(async (repository) => ({ repository, keys: await repository.list(prefix) })));
  const reachable = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const firstFailure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (reachable.length === 0 && firstFailure) throw firstFailure.reason;
  return reachable;
}

async function readManifest(holders: readonly Repository[], key: string, expect: Pick<BackupManifest, 'id' | 'environment' | 'database'>): Promise<{ manifest?: BackupManifest; problem?: string }> {
  let problem = 'manifest.json cannot be read';
  for (const repository of holders) {
    try {
      const parsed = parseManifest(await readText(await repository.get(key), key));
      if (!parsed.ok) problem = parsed.reason;
      else if (!matches(parsed.manifest, expect)) problem = `manifest.json describes ${parsed.manifest.environment}/${parsed.manifest.database}/${parsed.manifest.id}, not the folder it is in`;
      else return { manifest: parsed.manifest };
    } catch (error) {
      problem = `manifest.json cannot be read from ${repository.display}: ${(error as Error).message}`;
    }
  }
  return { problem };
}

async function readText(stream: Readable, key: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_MANIFEST_BYTES) {
      stream.destroy();
      throw new RepositoryError(`${key} is larger than ${MAX_MANIFEST_BYTES} bytes: not a guardia manifest`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function matches(manifest: BackupManifest, expect: Pick<BackupManifest, 'id' | 'environment' | 'database'>): boolean {
  return manifest.id === expect.id && manifest.environment === expect.environment && manifest.database === expect.database;
}
