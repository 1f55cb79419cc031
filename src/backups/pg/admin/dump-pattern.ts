import { UsageError } from '../../../errors.js';
import { quoteLiteral } from './sql-text.js';

/** A pg_dump table pattern as two anchored regular expressions; no `schema` means "visible in the search path". */
export interface DumpPatternRegex {
  schema?: string;
  name: string;
}

/** Characters that are regular-expression syntax, escaped inside double quotes. */
const REGEX_SPECIAL = '|*+?()[]{}.^$\\';

/**
 * Reads a pattern the way pg_dump (and psql's `\d`) do: unquoted letters fold to lower
 * case, `*` is any run of characters, `?` one character, an unquoted `.` separates schema
 * from table (a third, leading part names the database and is ignored), double quotes keep
 * text literally (`""` is a quote), and other regular-expression syntax outside quotes works
 * as such. `$` is always literal.
 */
export function dumpPatternRegex(pattern: string): DumpPatternRegex {
  const parts: string[] = [];
  let current = '';
  let inQuotes = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '"') {
      if (inQuotes && pattern[i + 1] === '"') {
        current += '"';
        i++;
      } else inQuotes = !inQuotes;
    } else if (!inQuotes && ch === '*') current += '.*';
    else if (!inQuotes && ch === '?') current += '.';
    else if (!inQuotes && ch === '.') {
      parts.push(current);
      current = '';
    } else if (ch === '$') current += '\\$';
    else if (inQuotes && REGEX_SPECIAL.includes(ch)) current += `\\${ch}`;
    else current += inQuotes ? ch : ch.replace(/[A-Z]/g, (c) => c.toLowerCase());
  }
  parts.push(current);
  if (parts.length > 3) throw new UsageError(`improper qualified name (too many dotted names): ${pattern}`);
  const anchored = parts.map((part) => `^(${part})$`);
  const name = anchored.at(-1) as string;
  return parts.length === 1 ? { name } : { schema: anchored.at(-2) as string, name };
}

/**
 * A SQL condition true for the tables (`c` in `pg_class`, `n` in `pg_namespace`) that any of
 * `patterns` matches; `false` for none.
 */
export function dumpPatternsCondition(patterns: readonly string[]): string {
  if (patterns.length === 0) return 'false';
  return patterns
    .map(dumpPatternRegex)
    .map(({ schema, name }) => {
      const where = schema === undefined ? 'pg_catalog.pg_table_is_visible(c.oid)' : `n.nspname ~ ${quoteLiteral(schema)}`;
      return `(${where} and c.relname ~ ${quoteLiteral(name)})`;
    })
    .join(' or ');
}
