import type { Node } from 'libpg-query';
import { alterTableCommands, droppedNames, targetTable } from '../internal/ast.js';
import type { LintContext, LintRule } from '../lint-rule.js';

/** `missing-lock-timeout`: DDL on an existing table without a lock_timeout queues behind long queries and blocks everyone behind it. */
export const missingLockTimeout: LintRule = {
  id: 'missing-lock-timeout',
  check: (node, ctx) => {
    if (ctx.lockTimeoutSet) return [];
    const table = ddlTable(node, ctx);
    return table
      ? [{
          message: `DDL on ${table} without SET lock_timeout first: while it waits for its lock, every query on the table waits behind it`,
          safer: "SET lock_timeout = '5s' at the top of the file, and retry the migration when it times out",
        }]
      : [];
  },
};

/** The existing table a DDL statement locks, if any. */
function ddlTable(node: Node, ctx: LintContext): string | undefined {
  if ('DropStmt' in node) return node.DropStmt.removeType === 'OBJECT_TABLE' ? droppedNames(node.DropStmt.objects).find((t) => !ctx.isNew(t)) : undefined;
  const ddl = alterTableCommands(node).length > 0 || 'IndexStmt' in node || 'RenameStmt' in node || 'CreateTrigStmt' in node;
  return ddl ? targetTable(node) : undefined;
}
