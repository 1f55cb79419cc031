import { addedColumn, alterTableCommands, columnConstraints } from '../internal/ast.js';
import type { LintRule } from '../lint-rule.js';

/** Functions whose value differs per row or per transaction; as an ADD COLUMN default they touch every existing row. */
const NON_CONSTANT = new Set([
  'now',
  'random',
  'gen_random_uuid',
  'uuid_generate_v1',
  'uuid_generate_v4',
  'clock_timestamp',
  'statement_timestamp',
  'transaction_timestamp',
  'timeofday',
  'nextval',
  'txid_current',
]);

/** Evaluated once per statement: no rewrite, but every old row gets the same value. */
const STABLE = /^(now|statement_timestamp|transaction_timestamp)\(\)$|^CURRENT_|^LOCAL/;

/** `volatile-default`: ADD COLUMN with a non-constant default on an existing table. */
export const volatileDefault: LintRule = {
  id: 'volatile-default',
  check: (node) =>
    alterTableCommands(node).flatMap((cmd) => {
      const column = addedColumn(cmd);
      const expr = column && columnConstraints(column).find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
      const fn = expr === undefined ? undefined : nonConstantCall(expr);
      return column && fn
        ? [{
            message: `ADD COLUMN ${column.colname} with DEFAULT ${fn} ${STABLE.test(fn) ? "stamps every existing row with the migration's time" : 'rewrites the whole table while holding an ACCESS EXCLUSIVE lock'}`,
            safer: 'add the column without a default, then ALTER COLUMN … SET DEFAULT, and backfill existing rows in batches',
          }]
        : [];
    }),
};

/** The first non-constant function called anywhere in an expression tree (`CURRENT_TIMESTAMP` included). */
function nonConstantCall(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = nonConstantCall(item);
      if (found) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if ('SQLValueFunction' in record) return String((record.SQLValueFunction as { op?: string }).op ?? '').replace(/^SVFOP_/, '');
  if ('FuncCall' in record) {
    const names = ((record.FuncCall as { funcname?: { String?: { sval?: string } }[] }).funcname ?? []).map((n) => n.String?.sval);
    const name = names.at(-1);
    if (name !== undefined && NON_CONSTANT.has(name)) return `${name}()`;
  }
  return nonConstantCall(Object.values(record));
}
