import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

/**
 * A multi-row statement (an insert or upsert of `values(rows)`) whose SQL depends only on how
 * many rows it carries: kysely builds and compiles it once per row count and dialect, later
 * calls bind the new rows' values to that SQL. Building the query anew for every statement of
 * every flush was most of a flush's CPU.
 *
 * The SQL is kept only when kysely bound exactly what `parametersOf` lists (row after row,
 * column after column); rows holding `undefined` (which kysely writes as `default`, with no
 * parameter) are always compiled anew.
 */
export class RowsStatement<DB, Row> {
  private readonly texts = new WeakMap<object, Map<number, string>>();

  constructor(
    private readonly build: (db: Kysely<DB>, rows: Row[]) => Compilable,
    private readonly parametersOf: (rows: readonly Row[]) => unknown[],
  ) {}

  async execute(db: Kysely<DB>, rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    const parameters = this.parametersOf(rows);
    // A transaction shares its database's adapter: one cache per dialect, whatever the executor.
    const adapter = db.getExecutor().adapter;
    let byCount = this.texts.get(adapter);
    if (!byCount) this.texts.set(adapter, (byCount = new Map()));
    const text = byCount.get(rows.length);
    if (text !== undefined && !parameters.includes(undefined)) {
      await db.executeQuery(CompiledQuery.raw(text, parameters));
      return;
    }
    const compiled = this.build(db, rows).compile();
    if (sameValues(compiled.parameters, parameters)) byCount.set(rows.length, compiled.sql);
    await db.executeQuery(compiled);
  }
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
