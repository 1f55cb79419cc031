import type { Node } from 'libpg-query';
import { parseSql, SqlSyntaxError, type SqlStatement } from '../internal/parse-sql.js';
import { isTransactional } from '../migration-file.js';
import { createdTable, targetTable } from './internal/ast.js';
import type { LintFinding } from './lint-finding.js';
import type { LintContext } from './lint-rule.js';
import { ALL_RULES } from './rules/all-rules.js';

/**
 * Lints one migration's SQL. The file runs in a transaction unless its first line is
 * `-- guardia: no-transaction`; explicit BEGIN … COMMIT count too. Statements on a table
 * the file created earlier are exempt. A parse error is one `parse-error` finding.
 */
export async function lintSql(file: string, sql: string): Promise<LintFinding[]> {
  let statements: SqlStatement[];
  try {
    statements = await parseSql(sql);
  } catch (error) {
    if (error instanceof SqlSyntaxError) return [{ file, line: error.line, rule: 'parse-error', message: error.message }];
    throw error;
  }
  const transactionalFile = isTransactional(sql);
  const created = new Set<string>();
  let explicitTransaction = false;
  let lockTimeoutSet = false;
  const findings: LintFinding[] = [];
  for (const { node, line } of statements) {
    explicitTransaction = transactionState(node, explicitTransaction);
    lockTimeoutSet = lockTimeoutState(node, lockTimeoutSet);
    const ctx: LintContext = { inTransaction: transactionalFile || explicitTransaction, lockTimeoutSet, isNew: (table) => created.has(table) };
    const target = targetTable(node);
    const onNewTable = target !== undefined && created.has(target);
    for (const rule of ALL_RULES) {
      if (onNewTable && rule.exemptNewTables !== false) continue;
      for (const hit of rule.check(node, ctx)) findings.push({ file, line, rule: rule.id, ...hit });
    }
    const table = createdTable(node);
    if (table !== undefined) created.add(table);
  }
  return findings;
}

function transactionState(node: Node, current: boolean): boolean {
  if (!('TransactionStmt' in node)) return current;
  const kind = node.TransactionStmt.kind;
  if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') return true;
  if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK') return false;
  return current;
}

function lockTimeoutState(node: Node, current: boolean): boolean {
  if (!('VariableSetStmt' in node) || node.VariableSetStmt.name !== 'lock_timeout') return current;
  if (node.VariableSetStmt.kind !== 'VAR_SET_VALUE') return false;
  const arg = node.VariableSetStmt.args?.[0];
  if (!arg || !('A_Const' in arg)) return true;
  const value = arg.A_Const.sval?.sval ?? arg.A_Const.ival?.ival ?? 0;
  return !/^0+(ms|s|min|h|d)?$/.test(String(value).trim());
}
