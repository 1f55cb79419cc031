import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NotFoundError } from '../../errors.js';
import { formatDuration } from '../../probes/internal/format-duration.js';
import type { BackupContext } from '../backup-context.js';
import { listCatalog } from '../backup-catalog.js';
import type { CheckResult, DrillReport, VerificationReport } from '../backup-service.js';
import { newBackupId } from '../internal/backup-id.js';
import type { BackupManifest } from '../manifest.js';
import type { Repository } from '../repository/repository.js';
import { restoreInto } from '../verify/restore-into.js';
import { runOracles } from '../verify/run-oracles.js';
import { scratchServer, withScratchDatabase } from '../verify/scratch-database.js';
import { renderDrillReport } from './render-drill-report.js';
import { runSmokeProbes } from './run-smoke-probes.js';

/**
 * A disaster-recovery drill, as if the primary were gone: lists the repositories (never a
 * local cache) for the newest complete backup of `database` (default: the first configured),
 * restores it into a fresh database `guardia_drill_<id>` on `verify.server` (else the
 * backed-up server), runs the oracles and the smoke probes against it, and drops it. RTO is
 * measured from the drill's start to the restored database answering; RPO is the newest
 * backup's age (drill start − its end). Writes `<data-dir>/drills/<id>.md` and `.json`,
 * records the drill (and the restore as a verification of kind `drill`) and returns it.
 * No backup at all is `NotFoundError`; a backup that cannot be restored is a failed drill.
 */
export async function runDrill(ctx: BackupContext, options: { database?: string } = {}): Promise<DrillReport> {
  const started = ctx.clock.now();
  const id = newBackupId(started);
  const { manifest, repository } = await newestBackup(ctx, options.database ?? ctx.config.databases[0]?.name);
  await ctx.pgTools.assertCanRestore(manifest.clientVersion);
  const identityFile = ctx.config.verify.identityFile;
  const checks: CheckResult[] = [];
  let rtoMs = 0;
  let restored: VerificationReport | undefined;
  if (manifest.recipients.length > 0 && identityFile === undefined) {
    checks.push({ name: 'restore', passed: false, detail: `backup ${manifest.id} is encrypted and no verify identity is configured (backups.verify.identity)` });
  } else {
    const name = `guardia_drill_${id.replace(/-/g, '_').toLowerCase()}`;
    await withScratchDatabase(ctx, scratchServer(ctx, manifest.database), name, async (url) => {
      const restore = await restoreInto(ctx, manifest, repository, url, identityFile, 'drill');
      rtoMs = ctx.clock.now() - started;
      const verified = [restore.check, ...(restore.check.passed ? await runOracles(ctx, url, manifest, 'drill') : [])];
      restored = verification(manifest, started, ctx.clock.now(), restore.ms, verified);
      checks.push(...verified, ...(restore.check.passed ? await runSmokeProbes(ctx, url) : []));
    });
  }
  const restoredOk = checks[0]?.passed === true;
  const rpoMs = started - Date.parse(manifest.endedAt);
  const { rtoMs: rtoObjectiveMs, rpoMs: rpoObjectiveMs } = ctx.config.objectives;
  checks.push(objectiveCheck('rto', rtoMs, rtoObjectiveMs, restoredOk), objectiveCheck('rpo', rpoMs, rpoObjectiveMs, true));
  const base: Omit<DrillReport, 'markdown'> = {
    id, environment: ctx.environment, database: manifest.database, backupId: manifest.id,
    startedAt: new Date(started).toISOString(), endedAt: new Date(ctx.clock.now()).toISOString(),
    passed: checks.every((c) => c.passed), rtoMs, rpoMs,
    ...(rtoObjectiveMs !== undefined ? { rtoObjectiveMs } : {}), ...(rpoObjectiveMs !== undefined ? { rpoObjectiveMs } : {}),
    checks,
    reportFile: join(drillsDir(ctx.dataDir), `${id}.md`),
  };
  const report: DrillReport = { ...base, markdown: renderDrillReport(base) };
  await writeDrillFiles(ctx.dataDir, report);
  if (restored) await ctx.records?.recordVerification(restored, 'drill');
  await ctx.records?.recordDrill(report);
  return report;
}

/** `<data-dir>/drills`: one `<id>.md` and `<id>.json` per drill. */
export function drillsDir(dataDir: string): string {
  return join(dataDir, 'drills');
}

async function newestBackup(ctx: BackupContext, database: string | undefined): Promise<{ manifest: BackupManifest; repository: Repository }> {
  if (database === undefined) throw new NotFoundError(`environment ${ctx.environment} has no database to back up`);
  const entries = await listCatalog(ctx.repositories, ctx.environment, database);
  const newest = entries.find((entry) => entry.manifest !== undefined);
  const repository = ctx.repositories.find((r) => r.display === newest?.repositories[0]);
  if (!newest?.manifest || !repository) {
    const where = ctx.repositories.map((r) => r.display).join(', ');
    throw new NotFoundError(`no complete backup of ${ctx.environment}/${database} in ${where}: run \`guardia backup run ${ctx.environment}\` first`);
  }
  return { manifest: newest.manifest, repository };
}

function objectiveCheck(name: 'rto' | 'rpo', ms: number, objectiveMs: number | undefined, measured: boolean): CheckResult {
  if (!measured) return { name, passed: false, detail: 'not measured: the restore failed' };
  if (objectiveMs === undefined) return { name, passed: true, detail: `${formatDuration(ms)} (no objective set)` };
  const within = ms <= objectiveMs;
  return { name, passed: within, detail: `${formatDuration(ms)} ${within ? 'within' : 'exceeds'} the objective of ${formatDuration(objectiveMs)}` };
}

function verification(manifest: BackupManifest, started: number, ended: number, restoreMs: number, checks: CheckResult[]): VerificationReport {
  return {
    backupId: manifest.id, environment: manifest.environment, database: manifest.database,
    startedAt: new Date(started).toISOString(), endedAt: new Date(ended).toISOString(),
    passed: checks.every((c) => c.passed), restoreMs, checks,
  };
}

async function writeDrillFiles(dataDir: string, report: DrillReport): Promise<void> {
  const dir = drillsDir(dataDir);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${report.id}.md`), report.markdown);
  await writeFile(join(dir, `${report.id}.json`), `${JSON.stringify(report, null, 2)}\n`);
}
