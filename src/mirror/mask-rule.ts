/**
 * Masking rules of a staging mirror (`mirror.mask:` of the target environment), as resolved
 * from the config. The contract between the config, the masking engine and the coverage check.
 */

/** How one column is masked. Every method is deterministic for a given key and input value. */
export type MaskMethod =
  /** A fake e-mail address under `example.invalid`; unique inputs stay unique. */
  | { kind: 'email' }
  /** A fake person's name; unique inputs stay unique. */
  | { kind: 'name' }
  /** A fake phone number in a reserved range; unique inputs stay unique. */
  | { kind: 'phone' }
  /** A keyed hash of the value (hex); unique inputs stay unique. */
  | { kind: 'hash' }
  /** SQL NULL. */
  | { kind: 'null' }
  /** The same value for every row (a string, a number, a boolean or null). */
  | { kind: 'fixed'; value: string | number | boolean | null };

/** One rule: a column masked with a method, or a whole table emptied. */
export type MaskRule =
  | { kind: 'column'; schema: string; table: string; column: string; method: MaskMethod; /** `table.column` key as written. */ key: string }
  | { kind: 'truncate'; schema: string; table: string; key: string };

/** A column the coverage check may skip: `schema.table.column` (schema `public` when omitted in the config). */
export interface AllowedColumn {
  schema: string;
  table: string;
  column: string;
}
