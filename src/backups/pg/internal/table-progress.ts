/** A table named in a pg_dump or pg_restore `--verbose` line. */
export interface ProgressTable {
  schema: string;
  name: string;
}

// Not anchored to the `pg_dump: ` prefix: parallel workers write the prefix and the message
// separately, so on a busy machine one worker's prefix can land on another's line.
const DUMPING = /dumping contents of table "(.*)"$/;
const RESTORING = /processing data for table "(.*)"$/;

// The leader of a parallel dump, once a worker has written and closed an item's file.
const FINISHED_DATA = /finished item (\d+) TABLE DATA /;

/** The dump id of `pg_dump: finished item 3345 TABLE DATA public pgbench_accounts` (its file is `3345.dat`), else undefined. */
export function finishedDataItem(line: string): number | undefined {
  const id = FINISHED_DATA.exec(line)?.[1];
  return id === undefined ? undefined : Number(id);
}

/** The table of `pg_dump: dumping contents of table "public.x"`, else undefined. */
export function dumpedTable(line: string): ProgressTable | undefined {
  return tableOf(DUMPING.exec(line)?.[1]);
}

/** The table of `pg_restore: processing data for table "public.x"`, else undefined. */
export function restoredTable(line: string): ProgressTable | undefined {
  return tableOf(RESTORING.exec(line)?.[1]);
}

/**
 * pg prints `schema.name` unquoted, so a dot inside a schema name is ambiguous; schemas with
 * dots are rarer than tables with them, so the first dot splits.
 */
function tableOf(qualified: string | undefined): ProgressTable | undefined {
  if (qualified === undefined) return undefined;
  const dot = qualified.indexOf('.');
  if (dot < 0) return undefined;
  return { schema: qualified.slice(0, dot), name: qualified.slice(dot + 1) };
}
