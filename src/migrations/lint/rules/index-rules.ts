import type { Node } from 'libpg-query';
import type { LintRule } from '../lint-rule.js';

const NO_TRANSACTION_FILE = 'put it alone in a file whose first line is `-- guardia: no-transaction`';

/** `create-index-not-concurrently`: a plain CREATE INDEX blocks writes to the table while it builds. */
export const createIndexNotConcurrently: LintRule = {
  id: 'create-index-not-concurrently',
  check: (node) =>
    'IndexStmt' in node && !node.IndexStmt.concurrent
      ? [{ message: `CREATE INDEX on ${node.IndexStmt.relation?.relname} blocks writes to the table while the index builds`, safer: `CREATE INDEX CONCURRENTLY, ${NO_TRANSACTION_FILE}` }]
      : [],
};

/** `concurrently-in-transaction`: CONCURRENTLY fails inside a transaction block, even on a new table. */
export const concurrentlyInTransaction: LintRule = {
  id: 'concurrently-in-transaction',
  exemptNewTables: false,
  check: (node, ctx) => {
    if (!ctx.inTransaction) return [];
    const concurrent =
      ('IndexStmt' in node && node.IndexStmt.concurrent) || ('DropStmt' in node && node.DropStmt.concurrent) || ('ReindexStmt' in node && isConcurrentReindex(node.ReindexStmt.params));
    return concurrent ? [{ message: 'CONCURRENTLY cannot run inside a transaction block, and this statement runs in one', safer: NO_TRANSACTION_FILE }] : [];
  },
};

function isConcurrentReindex(params: Node[] | undefined): boolean {
  return (params ?? []).some((p) => 'DefElem' in p && p.DefElem.defname === 'concurrently');
}
