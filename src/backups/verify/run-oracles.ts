import type { BackupContext } from '../backup-context.js';
import type { CheckResult } from '../backup-service.js';
import { progressReporter } from '../restore/internal/report-progress.js';
import type { BackupManifest, ManifestTable } from '../manifest.js';

/**
 * The checks run on a restored database: row counts per table against the manifest (one
 * failing check per table that differs, plus a summary), amcheck on btree indexes when the
 * config asks for it, and the user's SQL assertions (`sql #1`, …), in that order.
 */
export async function runOracles(ctx: BackupContext, url: string, manifest: BackupManifest, operation: 'verify' | 'drill'): Promise<CheckResult[]> {
  progressReporter(ctx, operation, manifest.database)({ phase: 'oracles', tables: 0, totalTables: manifest.tables.length });
  const counted = await ctx.pgAdmin.countRows(url, manifest.tables);
  const checks = compareRowCounts(manifest.tables, counted);
  if (ctx.config.verify.amcheck) checks.push(amcheckResult(await ctx.pgAdmin.amcheck(url)));
  const assertions = await ctx.pgAdmin.assert(url, ctx.config.verify.sql);
  assertions.forEach((a, i) => checks.push({ name: `sql #${i + 1}`, passed: a.passed, detail: `${a.sql}: ${a.detail}` }));
  return checks;
}

/** One failing `row_count schema.table` check per table that differs or is missing, then a `row_counts` summary. */
export function compareRowCounts(expected: readonly ManifestTable[], found: readonly ManifestTable[]): CheckResult[] {
  const byName = new Map(found.map((t) => [`${t.schema}.${t.name}`, t.rows]));
  const checks: CheckResult[] = [];
  for (const table of expected) {
    const name = `${table.schema}.${table.name}`;
    const rows = byName.get(name);
    if (rows === table.rows) continue;
    const detail = rows === undefined ? `missing (expected ${table.rows} rows)` : `${rows} rows, expected ${table.rows}`;
    checks.push({ name: `row_count ${name}`, passed: false, detail });
  }
  const differing = checks.length;
  checks.push({
    name: 'row_counts',
    passed: differing === 0,
    detail: differing === 0 ? `${expected.length} tables match the manifest` : `${differing} of ${expected.length} tables differ from the manifest`,
  });
  return checks;
}

function amcheckResult(result: { indexes: number; failures: string[] } | { skipped: string }): CheckResult {
  if ('skipped' in result) return { name: 'amcheck', passed: true, detail: `skipped: ${result.skipped}` };
  if (result.failures.length === 0) return { name: 'amcheck', passed: true, detail: `${result.indexes} btree indexes intact` };
  return { name: 'amcheck', passed: false, detail: `${result.failures.length} of ${result.indexes} btree indexes corrupt: ${result.failures.join('; ')}` };
}
