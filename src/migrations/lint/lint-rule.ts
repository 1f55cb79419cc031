import type { Node } from 'libpg-query';

/** What a rule knows about the file around a statement. */
export interface LintContext {
  /** The statement runs inside a transaction: the file is transactional, or between explicit BEGIN and COMMIT. */
  inTransaction: boolean;
  /** `SET lock_timeout` (to a non-zero value) ran earlier in the file. */
  lockTimeoutSet: boolean;
  /** Whether the file created this table before this statement. */
  isNew(table: string): boolean;
}

/** A problem a rule found in one statement. */
export interface LintHit {
  message: string;
  safer: string;
}

/**
 * One lint rule: looks at a parsed statement and returns what is unsafe in it. Statements
 * whose target table the same file created are not passed to rules that declare
 * `exemptNewTables` (the default); rules must still check extra tables with `isNew`.
 */
export interface LintRule {
  id: string;
  /** False for rules that hold even on a new table (CONCURRENTLY in a transaction simply fails). */
  exemptNewTables?: boolean;
  check(node: Node, ctx: LintContext): LintHit[];
}
