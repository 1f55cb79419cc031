import { addedColumn, alterTableCommands, columnConstraints } from '../internal/ast.js';
import type { LintRule } from '../lint-rule.js';

/** `add-column-not-null-without-default`: fails on a table with rows. */
export const addColumnNotNullWithoutDefault: LintRule = {
  id: 'add-column-not-null-without-default',
  check: (node) =>
    alterTableCommands(node).flatMap((cmd) => {
      const column = addedColumn(cmd);
      if (!column) return [];
      const kinds = columnConstraints(column).map((c) => c.contype);
      const filled = kinds.includes('CONSTR_DEFAULT') || kinds.includes('CONSTR_IDENTITY') || kinds.includes('CONSTR_GENERATED');
      return kinds.includes('CONSTR_NOTNULL') && !filled
        ? [{
            message: `ADD COLUMN ${column.colname} NOT NULL without a DEFAULT fails as soon as the table has rows`,
            safer: 'add it with a constant DEFAULT, or nullable, backfill in batches, then enforce NOT NULL through a NOT VALID CHECK',
          }]
        : [];
    }),
};

/** `set-not-null`: scans the whole table under an ACCESS EXCLUSIVE lock. */
export const setNotNull: LintRule = {
  id: 'set-not-null',
  check: (node) =>
    alterTableCommands(node)
      .filter((cmd) => cmd.subtype === 'AT_SetNotNull')
      .map((cmd) => ({
        message: `SET NOT NULL on ${cmd.name} scans the whole table while holding an ACCESS EXCLUSIVE lock`,
        safer: `ADD CONSTRAINT … CHECK (${cmd.name} IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT it in a later migration, then SET NOT NULL (PostgreSQL 12+ skips the scan)`,
      })),
};

/** `drop-column`: breaks the app version still running during the deploy. */
export const dropColumn: LintRule = {
  id: 'drop-column',
  check: (node) =>
    alterTableCommands(node)
      .filter((cmd) => cmd.subtype === 'AT_DropColumn')
      .map((cmd) => ({
        message: `DROP COLUMN ${cmd.name} breaks the app version that still reads it during the deploy`,
        safer: 'stop using the column in the app, release that, then drop it in a later migration',
      })),
};

/** `alter-column-type`: most type changes rewrite the table under an ACCESS EXCLUSIVE lock. */
export const alterColumnType: LintRule = {
  id: 'alter-column-type',
  check: (node) =>
    alterTableCommands(node)
      .filter((cmd) => cmd.subtype === 'AT_AlterColumnType')
      .map((cmd) => ({
        message: `changing the type of ${cmd.name} rewrites the table (and its indexes) while holding an ACCESS EXCLUSIVE lock`,
        safer: 'add a column of the new type, backfill it in batches, switch the app to it, then drop the old column',
      })),
};
