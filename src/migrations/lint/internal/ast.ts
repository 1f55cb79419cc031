import type { AlterTableCmd, ColumnDef, Constraint, Node } from 'libpg-query';

/** The table a statement works on, when it has one (ALTER TABLE, CREATE INDEX, renames, triggers). */
export function targetTable(node: Node): string | undefined {
  if ('AlterTableStmt' in node) return node.AlterTableStmt.objtype === 'OBJECT_TABLE' ? node.AlterTableStmt.relation?.relname : undefined;
  if ('IndexStmt' in node) return node.IndexStmt.relation?.relname;
  if ('RenameStmt' in node) return node.RenameStmt.relation?.relname;
  if ('CreateTrigStmt' in node) return node.CreateTrigStmt.relation?.relname;
  return undefined;
}

/** The table a statement creates (CREATE TABLE, CREATE TABLE AS). */
export function createdTable(node: Node): string | undefined {
  if ('CreateStmt' in node) return node.CreateStmt.relation?.relname;
  if ('CreateTableAsStmt' in node) return node.CreateTableAsStmt.into?.rel?.relname;
  return undefined;
}

/** The commands of an `ALTER TABLE`; none for other statements. */
export function alterTableCommands(node: Node): AlterTableCmd[] {
  if (!('AlterTableStmt' in node) || node.AlterTableStmt.objtype !== 'OBJECT_TABLE') return [];
  return (node.AlterTableStmt.cmds ?? []).flatMap((cmd) => ('AlterTableCmd' in cmd ? [cmd.AlterTableCmd] : []));
}

/** The column definition of an `ADD COLUMN` command. */
export function addedColumn(cmd: AlterTableCmd): ColumnDef | undefined {
  return cmd.subtype === 'AT_AddColumn' && cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
}

/** The constraints written on a column definition. */
export function columnConstraints(column: ColumnDef): Constraint[] {
  return (column.constraints ?? []).flatMap((c) => ('Constraint' in c ? [c.Constraint] : []));
}

/** The constraint of an `ADD CONSTRAINT` command. */
export function addedConstraint(cmd: AlterTableCmd): Constraint | undefined {
  return cmd.subtype === 'AT_AddConstraint' && cmd.def && 'Constraint' in cmd.def ? cmd.def.Constraint : undefined;
}

/** The last name of each object of a DROP (`schema.table` → `table`). */
export function droppedNames(objects: Node[] | undefined): string[] {
  return (objects ?? []).flatMap((object) => {
    if (!('List' in object)) return [];
    const last = object.List.items?.at(-1);
    return last && 'String' in last && last.String.sval !== undefined ? [last.String.sval] : [];
  });
}
