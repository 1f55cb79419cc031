import { BackupFailedError, GuardiaError } from '../../errors.js';
import type { MaskRule } from '../mask-rule.js';
import { applyGroup, checkFixedValue } from './internal/apply-group.js';
import { maskError } from './internal/mask-error.js';
import { planMask } from './internal/plan-mask.js';
import { quoteTable } from './quote-sql.js';
import { readForeignKeyPairs, readUserColumns } from './read-catalog.js';
import type { SqlClient } from './sql-client.js';

export type { SqlClient } from './sql-client.js';

/** What masking changed: rows per column (columns reached through foreign keys name the rule), emptied tables, duration. */
export interface MaskReport {
  columns: { key: string; rows: number; method: string; followedFrom?: string }[];
  truncated: { key: string }[];
  ms: number;
}

/**
 * Masks the database `client` is connected to, in place, in one transaction: all rules apply or
 * none. Fakes depend only on `options.key` and the original value, so equal values stay equal
 * across tables and columns linked by foreign keys are masked alike. Throws a `backup_failed`
 * error naming the rule key when a rule cannot apply. `client` must be one connection (a Client or
 * PoolClient, never a Pool) outside any transaction, as a superuser of the scratch database.
 * `now` measures the duration (tests pin it).
 */
export async function maskDatabase(
  client: SqlClient,
  rules: readonly MaskRule[],
  options: { key: string; now?: () => number },
): Promise<MaskReport> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  await client.query('begin');
  try {
    const report = await maskInTransaction(client, rules, options.key);
    await client.query('commit');
    return { ...report, ms: Math.round(now() - started) };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    if (error instanceof GuardiaError) throw error;
    throw new BackupFailedError(`masking failed: ${(error as Error).message}`, { cause: error });
  }
}

async function maskInTransaction(client: SqlClient, rules: readonly MaskRule[], key: string): Promise<Omit<MaskReport, 'ms'>> {
  // Foreign-key and user triggers stay silent while values change; the mapping keeps keys consistent.
  await client.query('set local session_replication_role = replica').catch((error: unknown) => {
    throw new BackupFailedError(`masking needs a superuser on the scratch database (to set session_replication_role): ${(error as Error).message}`, { cause: error });
  });
  const plan = planMask(rules, await readUserColumns(client), await readForeignKeyPairs(client));
  for (const group of plan.groups) await checkFixedValue(client, group);
  if (plan.truncate.length > 0) {
    // No CASCADE: planMask has checked that every referencing table is emptied too.
    const tables = plan.truncate.map((t) => quoteTable(t.schema, t.table)).join(', ');
    await inRule(plan.truncate.map((t) => t.key).join(', '), () => client.query(`truncate ${tables}`));
  }
  const columns: MaskReport['columns'] = [];
  for (const group of plan.groups) {
    const counts = await inRule(group.key, () => applyGroup(client, group, key));
    group.columns.forEach((planned, i) => {
      const entry = { key: planned.key, rows: counts[i] ?? 0, method: group.method.kind };
      columns.push(planned.followedFrom ? { ...entry, followedFrom: planned.followedFrom } : entry);
    });
  }
  return { columns, truncated: plan.truncate.map((t) => ({ key: t.key })) };
}

// Names the rule in a database error raised while applying it (a check constraint, a lock timeout…).
async function inRule<T>(key: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof GuardiaError) throw error;
    throw maskError(key, (error as Error).message, error);
  }
}
