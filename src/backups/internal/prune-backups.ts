import type { BackupsConfig } from '../../config/resolved-backup-config.js';
import { listCatalog, listIncomplete, toListing } from '../backup-catalog.js';
import type { BackupRecords } from '../backup-records.js';
import type { PlanRetention, RetentionDecision } from '../retention/retention.js';
import type { Repository } from '../repository/repository.js';
import { backupIdTime, backupPrefix } from './backup-id.js';

/** Folders without a manifest are a failed or killed run's leftovers once this old. */
const INCOMPLETE_AFTER_MS = 24 * 60 * 60 * 1000;

export interface PruneRequest {
  environment: string;
  config: BackupsConfig;
  repositories: readonly Repository[];
  records: BackupRecords;
  planRetention: PlanRetention;
  now: number;
  dryRun: boolean;
}

/**
 * Plans retention per database over the complete backups (verified ones as the store records
 * them) and, unless `dryRun`, deletes every pruned backup from every repository, and folders
 * without a manifest older than a day whose run is not still going. Decisions newest first.
 */
export async function pruneBackups(request: PruneRequest): Promise<RetentionDecision[]> {
  const { environment, config, repositories, records } = request;
  const entries = await listCatalog(repositories, environment);
  const verifications = await records.latestVerifications(environment);
  const context = { verifyIdentityConfigured: config.verify.identityFile !== undefined };
  const decisions: { database: string; decision: RetentionDecision }[] = [];
  for (const database of new Set(entries.map((e) => e.database))) {
    const candidates = entries
      .filter((e) => e.database === database)
      .map((e) => {
        const listing = toListing(e, verifications.get(e.id), context);
        return { id: e.id, startedAt: Date.parse(listing.startedAt), verified: listing.status === 'verified' };
      });
    const plan = request.planRetention(candidates, config.keep, config.timezone === undefined ? {} : { timeZone: config.timezone });
    decisions.push(...plan.map((decision) => ({ database, decision })));
  }
  if (!request.dryRun) {
    for (const { database, decision } of decisions) {
      if (decision.keep) continue;
      await Promise.all(repositories.map((r) => r.deletePrefix(backupPrefix(environment, database, decision.id))));
    }
    await removeIncomplete(request);
  }
  return decisions.map((d) => d.decision).sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
}

async function removeIncomplete(request: PruneRequest): Promise<void> {
  const running = new Set((await request.records.running()).map((r) => r.id));
  for (const folder of await listIncomplete(request.repositories, request.environment)) {
    const startedAt = backupIdTime(folder.id) ?? request.now;
    if (running.has(folder.id) || request.now - startedAt < INCOMPLETE_AFTER_MS) continue;
    await folder.repository.deletePrefix(folder.prefix);
  }
}
