import { addedConstraint, alterTableCommands } from '../internal/ast.js';
import type { LintRule } from '../lint-rule.js';

/** `constraint-not-valid`: a FOREIGN KEY or CHECK validated while blocking writes. */
export const constraintNotValid: LintRule = {
  id: 'constraint-not-valid',
  check: (node) =>
    alterTableCommands(node).flatMap((cmd) => {
      const constraint = addedConstraint(cmd);
      if (!constraint || constraint.skip_validation) return [];
      const kind = constraint.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : constraint.contype === 'CONSTR_CHECK' ? 'CHECK' : undefined;
      if (!kind) return [];
      const name = constraint.conname ?? '<name>';
      return [{
        message: `ADD ${kind}${constraint.conname ? ` ${constraint.conname}` : ''} checks every row while blocking writes`,
        safer: `ADD CONSTRAINT ${name} … NOT VALID, then ALTER TABLE … VALIDATE CONSTRAINT ${name} in a later migration`,
      }];
    }),
};

/** `add-unique-or-primary-key`: builds the index while holding an ACCESS EXCLUSIVE lock. */
export const addUniqueOrPrimaryKey: LintRule = {
  id: 'add-unique-or-primary-key',
  check: (node) =>
    alterTableCommands(node).flatMap((cmd) => {
      const constraint = addedConstraint(cmd);
      if (!constraint || constraint.indexname !== undefined) return [];
      const kind = constraint.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : constraint.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : undefined;
      return kind
        ? [{
            message: `ADD ${kind} builds its index while holding an ACCESS EXCLUSIVE lock on the table`,
            safer: `CREATE UNIQUE INDEX CONCURRENTLY in a no-transaction file, then ADD CONSTRAINT … ${kind} USING INDEX …`,
          }]
        : [];
    }),
};
