import { quoteIdent, quoteTable } from '../../masking/quote-sql.js';
import type { CatalogColumn } from '../../masking/read-catalog.js';
import type { SqlClient } from '../../masking/sql-client.js';

// Tables above this estimate are sampled by blocks, so a sample never scans a big table.
const SAMPLE_FROM_ROWS = 20_000;

/** Up to `limit` non-null values of a text-like column, as text. */
export async function sampleValues(client: SqlClient, column: CatalogColumn, limit: number): Promise<string[]> {
  const col = quoteIdent(column.column);
  // Enough blocks for about 20× the wanted values, so mostly-null columns still give some.
  const percent = Math.min(100, (100 * limit * 20) / Math.max(column.tableRows, 1));
  const sample = column.tableRows > SAMPLE_FROM_ROWS ? ` tablesample system (${percent.toFixed(4)})` : '';
  const { rows } = await client.query(
    `select ${col}::text as v from ${quoteTable(column.schema, column.table)}${sample} where ${col} is not null limit ${Math.floor(limit)}`,
  );
  return rows.map((r) => String(r.v));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;
const PHONE = /^\+?[\d\s().-]{7,24}$/;

/** What sampled values look like (`e-mail addresses`, `phone numbers`) when most do, with the count. */
export function classifyValues(values: readonly string[]): { what: string; count: number } | undefined {
  const emails = values.filter((v) => EMAIL.test(v.trim())).length;
  const phones = values.filter(looksLikePhone).length;
  const most = (n: number) => values.length > 0 && n * 2 > values.length;
  if (most(emails)) return { what: 'e-mail addresses', count: emails };
  if (most(phones)) return { what: 'phone numbers', count: phones };
  return undefined;
}

// A leading + or digits in groups: plain digit runs are more often ids, codes or amounts.
function looksLikePhone(value: string): boolean {
  const v = value.trim();
  if (!PHONE.test(v)) return false;
  const digits = v.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 && (v.startsWith('+') || /\d[\s().-]+\d/.test(v));
}
