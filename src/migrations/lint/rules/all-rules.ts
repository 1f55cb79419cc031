import type { LintRule } from '../lint-rule.js';
import { addColumnNotNullWithoutDefault, alterColumnType, dropColumn, setNotNull } from './column-rules.js';
import { addUniqueOrPrimaryKey, constraintNotValid } from './constraint-rules.js';
import { concurrentlyInTransaction, createIndexNotConcurrently } from './index-rules.js';
import { missingLockTimeout } from './missing-lock-timeout-rule.js';
import { dropTable, renameColumn, renameTable } from './table-rules.js';
import { volatileDefault } from './volatile-default-rule.js';

/** Every lint rule, in the order findings of one statement are reported. All of them block. */
export const ALL_RULES: readonly LintRule[] = [
  missingLockTimeout,
  createIndexNotConcurrently,
  concurrentlyInTransaction,
  addColumnNotNullWithoutDefault,
  volatileDefault,
  setNotNull,
  alterColumnType,
  dropColumn,
  dropTable,
  renameColumn,
  renameTable,
  constraintNotValid,
  addUniqueOrPrimaryKey,
];
