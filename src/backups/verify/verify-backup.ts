import type { BackupContext } from '../backup-context.js';
import type { CheckResult, VerificationReport } from '../backup-service.js';
import type { BackupManifest } from '../manifest.js';
import type { Repository } from '../repository/repository.js';
import { checkStoredFiles } from '../restore/check-stored-files.js';
import { progressReporter } from '../restore/internal/report-progress.js';
import { restoreInto } from './restore-into.js';
import { runOracles } from './run-oracles.js';
import { scratchServer, verifyDatabaseName, withScratchDatabase } from './scratch-database.js';

/**
 * Verifies one backup: re-checks every stored file's sha256 from `repository`; then, when it
 * is unencrypted or the config names a verify identity, restores it into the scratch database
 * `guardia_verify_<id>` (on `verify.server`, else the backed-up server), runs the oracles
 * (row counts, amcheck, SQL assertions) and drops the database whatever happens. `restoreMs`
 * runs from the start of the download to the restored database answering a query.
 *
 * A damaged file, a wrong identity, a failed pg_restore or a failed oracle make a report that
 * did not pass (recorded, not thrown); an encrypted backup without identity makes a report
 * with `unverifiedReason` (not recorded). Unreachable repositories and servers throw.
 */
export async function verifyBackup(ctx: BackupContext, manifest: BackupManifest, repository: Repository): Promise<VerificationReport> {
  const startedAt = ctx.clock.now();
  const checks: CheckResult[] = [];
  const report = progressReporter(ctx, 'verify', manifest.database);
  report({ phase: 'checksums', bytes: 0, totalBytes: manifest.storedBytes });
  const problems = await checkStoredFiles(repository, manifest, { signal: ctx.signal, onBytes: (bytes) => report({ bytes }) });
  checks.push({
    name: 'checksums',
    passed: problems.length === 0,
    detail: problems.length === 0 ? `${manifest.files.length} stored files match the manifest` : problems.join('; '),
  });
  const identityFile = ctx.config.verify.identityFile;
  const encryptedWithoutKey = manifest.recipients.length > 0 && identityFile === undefined;
  let restoreMs = 0;
  if (problems.length === 0 && !encryptedWithoutKey) {
    await ctx.pgTools.assertCanRestore(manifest.clientVersion);
    const server = scratchServer(ctx, manifest.database);
    await withScratchDatabase(ctx, server, verifyDatabaseName(manifest.id), async (url) => {
      const restored = await restoreInto(ctx, manifest, repository, url, identityFile);
      checks.push(restored.check);
      restoreMs = restored.ms;
      if (restored.check.passed) checks.push(...(await runOracles(ctx, url, manifest, 'verify')));
    });
  }
  const verification: VerificationReport = {
    backupId: manifest.id,
    environment: manifest.environment,
    database: manifest.database,
    startedAt: new Date(startedAt).toISOString(),
    endedAt: new Date(ctx.clock.now()).toISOString(),
    passed: !encryptedWithoutKey && checks.every((c) => c.passed),
    restoreMs,
    checks,
    ...(encryptedWithoutKey && problems.length === 0 ? { unverifiedReason: 'encrypted and no verify identity configured (backups.verify.identity)' } : {}),
  };
  if (verification.unverifiedReason === undefined) await ctx.records?.recordVerification(verification, 'verify');
  return verification;
}
