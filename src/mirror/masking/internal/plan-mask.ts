import type { MaskMethod, MaskRule } from '../../mask-rule.js';
import { linkedColumns } from '../linked-columns.js';
import { columnId, type CatalogColumn, type ForeignKeyPair } from '../read-catalog.js';
import { maskError } from './mask-error.js';

/** One column to change, and where its rule came from. */
export interface PlannedColumn {
  column: CatalogColumn;
  key: string;
  /** The rule key whose foreign keys led here, when no rule names this column. */
  followedFrom?: string;
}

/** Columns masked with one mapping: a ruled column and every column linked to it by foreign keys. */
export interface MaskGroup {
  key: string;
  method: MaskMethod;
  columns: PlannedColumn[];
  /** Some column of the group is unique: fakes must not collide. */
  unique: boolean;
}

/** What masking will do: tables to empty, then column groups to map. */
export interface MaskPlan {
  truncate: { key: string; schema: string; table: string }[];
  groups: MaskGroup[];
}

type ColumnRule = Extract<MaskRule, { kind: 'column' }>;
type TruncateRule = Extract<MaskRule, { kind: 'truncate' }>;

/** `table.column`, schema-qualified outside `public`: how reports name a column no rule names. */
export function displayKey(c: { schema: string; table: string; column: string }): string {
  return c.schema === 'public' ? `${c.table}.${c.column}` : `${c.schema}.${c.table}.${c.column}`;
}

/** Checks every rule against the catalog and groups linked columns; throws naming the first bad rule. */
export function planMask(rules: readonly MaskRule[], columns: readonly CatalogColumn[], pairs: readonly ForeignKeyPair[]): MaskPlan {
  const byId = new Map(columns.map((c) => [columnId(c), c]));
  const tables = new Set(columns.map((c) => `${c.schema}\0${c.table}`));
  const truncates = rules.filter((r): r is TruncateRule => r.kind === 'truncate');
  for (const rule of truncates) {
    if (!tables.has(`${rule.schema}\0${rule.table}`)) throw maskError(rule.key, `table ${rule.schema}.${rule.table} does not exist`);
    checkReferencingTruncated(rule, truncates, pairs);
  }
  const groups: MaskGroup[] = [];
  const claimed = new Map<string, MaskGroup>();
  for (const rule of rules.filter((r): r is ColumnRule => r.kind === 'column')) {
    if (!tables.has(`${rule.schema}\0${rule.table}`)) throw maskError(rule.key, `table ${rule.schema}.${rule.table} does not exist`);
    if (!byId.has(columnId(rule))) throw maskError(rule.key, `column ${rule.column} does not exist in table ${rule.schema}.${rule.table}`);
    const earlier = claimed.get(columnId(rule));
    if (earlier) {
      if (!sameMethod(earlier.method, rule.method)) {
        throw maskError(rule.key, `conflicts with rule "${earlier.key}" (the columns are linked by foreign keys, so they need the same method)`);
      }
      continue;
    }
    const linked = linkedColumns(rule, pairs).flatMap((ref) => byId.get(columnId(ref)) ?? []);
    const group: MaskGroup = {
      key: rule.key,
      method: rule.method,
      columns: linked.map((column, i) => (i === 0 ? { column, key: rule.key } : { column, key: displayKey(column), followedFrom: rule.key })),
      unique: linked.some((c) => c.unique),
    };
    for (const planned of group.columns) checkColumn(group, planned);
    for (const c of linked) claimed.set(columnId(c), group);
    groups.push(group);
  }
  return { truncate: truncates.map((r) => ({ key: r.key, schema: r.schema, table: r.table })), groups };
}

function checkReferencingTruncated(rule: TruncateRule, truncates: readonly TruncateRule[], pairs: readonly ForeignKeyPair[]): void {
  const emptied = new Set(truncates.map((t) => `${t.schema}\0${t.table}`));
  const blocking = new Set<string>();
  for (const { child, parent } of pairs) {
    if (parent.schema !== rule.schema || parent.table !== rule.table) continue;
    if (!emptied.has(`${child.schema}\0${child.table}`)) blocking.add(`${child.schema}.${child.table}`);
  }
  if (blocking.size > 0) {
    const names = [...blocking].sort().join(', ');
    throw maskError(rule.key, `cannot empty ${rule.schema}.${rule.table}: ${names} reference it by foreign key; add truncate rules for them too`);
  }
}

function checkColumn(group: MaskGroup, { column, key, followedFrom }: PlannedColumn): void {
  const where = followedFrom ? `${key} (linked by a foreign key)` : key;
  const method = group.method;
  if (method.kind === 'email' || method.kind === 'name' || method.kind === 'phone' || method.kind === 'hash') {
    if (!column.textLike) throw maskError(group.key, `${where}: "${method.kind}" needs a text column, it is ${column.type}`);
  } else if (method.kind === 'null' || (method.kind === 'fixed' && method.value === null)) {
    if (column.notNull) throw maskError(group.key, `${where}: cannot be set to null, the column is NOT NULL`);
  } else if (group.unique || group.columns.length > 1) {
    throw maskError(group.key, `${where}: a fixed value would break a unique index or a foreign key; use "hash" or "null"`);
  } else if (column.textLike && column.maxLength !== undefined && String(method.value).length > column.maxLength) {
    throw maskError(group.key, `${where}: the fixed value is longer than ${column.type} allows`);
  }
}

function sameMethod(a: MaskMethod, b: MaskMethod): boolean {
  return a.kind === b.kind && (a.kind !== 'fixed' || (b.kind === 'fixed' && a.value === b.value));
}
