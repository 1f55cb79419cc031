import { columnId, type ColumnRef, type ForeignKeyPair } from './read-catalog.js';

/**
 * The columns linked to `start` through foreign keys, in either direction and transitively
 * (`start` included, first). Masking one of them forces the same mapping on all, or a key breaks.
 */
export function linkedColumns(start: ColumnRef, pairs: readonly ForeignKeyPair[]): ColumnRef[] {
  const neighbours = new Map<string, ColumnRef[]>();
  const link = (a: ColumnRef, b: ColumnRef) => {
    const list = neighbours.get(columnId(a)) ?? [];
    list.push(b);
    neighbours.set(columnId(a), list);
  };
  for (const { child, parent } of pairs) {
    link(child, parent);
    link(parent, child);
  }
  const found = new Map<string, ColumnRef>([[columnId(start), start]]);
  const queue = [start];
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const other of neighbours.get(columnId(next)) ?? []) {
      if (found.has(columnId(other))) continue;
      found.set(columnId(other), other);
      queue.push(other);
    }
  }
  return [...found.values()];
}
