import { droppedNames } from '../internal/ast.js';
import type { LintRule } from '../lint-rule.js';

/** `drop-table`: breaks the app version still running during the deploy. */
export const dropTable: LintRule = {
  id: 'drop-table',
  check: (node, ctx) => {
    if (!('DropStmt' in node) || node.DropStmt.removeType !== 'OBJECT_TABLE') return [];
    return droppedNames(node.DropStmt.objects)
      .filter((table) => !ctx.isNew(table))
      .map((table) => ({
        message: `DROP TABLE ${table} breaks the app version that still uses it during the deploy`,
        safer: 'stop using the table in the app, release that, then drop it in a later migration',
      }));
  },
};

/** `rename-column`: the running app version still uses the old name. */
export const renameColumn: LintRule = {
  id: 'rename-column',
  check: (node) =>
    'RenameStmt' in node && node.RenameStmt.renameType === 'OBJECT_COLUMN' && node.RenameStmt.relationType === 'OBJECT_TABLE'
      ? [{
          message: `renaming column ${node.RenameStmt.subname} to ${node.RenameStmt.newname} breaks the app version that still uses the old name`,
          safer: 'add the new column, write to both, backfill, switch reads, then drop the old column in a later release',
        }]
      : [],
};

/** `rename-table`: the running app version still uses the old name. */
export const renameTable: LintRule = {
  id: 'rename-table',
  check: (node) =>
    'RenameStmt' in node && node.RenameStmt.renameType === 'OBJECT_TABLE'
      ? [{
          message: `renaming table ${node.RenameStmt.relation?.relname} to ${node.RenameStmt.newname} breaks the app version that still uses the old name`,
          safer: 'rename it and create a view with the old name in the same migration, then drop the view once the app uses the new name',
        }]
      : [],
};
