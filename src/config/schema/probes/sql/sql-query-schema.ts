import * as z from 'zod';
import { GOT } from '../../../problems/path-problem.js';
import { optional } from '../../internal/optional-field.js';
import { typeError } from '../../internal/parsed-text.js';
import { strictObject } from '../../internal/strict-object.js';
import { byType, switchUnion } from '../../internal/switch-union.js';
import { postgresUrlField } from '../postgres/postgres-url-field.js';

const QUERY_EXPECTED = `expected a SQL query like "select count(*) from bookings where status = 'pending'"${GOT}`;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const LABEL_EXPECTED = `expected a column name usable as a label (letters, digits and "_", not starting with a digit or "__")${GOT}`;

const query = z
  .string({ error: typeError(QUERY_EXPECTED) })
  .refine((text) => /\S/.test(text), { error: QUERY_EXPECTED });

const labelName = z
  .string({ error: typeError(LABEL_EXPECTED) })
  .regex(LABEL_NAME, { error: LABEL_EXPECTED })
  .refine((name) => !name.startsWith('__'), { error: LABEL_EXPECTED })
  .refine((name) => name !== 'env' && name !== 'probe', { error: `expected a column name other than "env" and "probe", which guardia sets${GOT}` });

const settings = strictObject({
  query: query.describe('One read-only statement; its rows become `guardia_probe_value` series.'),
  url: optional(postgresUrlField()).describe('Connection string (libpq semantics). Default: the environment\'s `database`.'),
  labels: optional(z.array(labelName)).describe('Columns that become labels. Default: every column except the value column.'),
  value: optional(z.string().min(1)).describe('Column that holds the value. Default: the last column.'),
}).superRefine((input, ctx) => {
  const at = input.labels?.indexOf(input.value ?? '') ?? -1;
  if (at >= 0) ctx.addIssue({ code: 'custom', path: ['labels', at], message: `"${input.value}" is the value column; it cannot also be a label`, input: input.value });
});

export type SqlSettings = z.output<typeof settings>;

/** `sql:` — a query, or a mapping { query, url, labels, value }. */
export const sqlQuerySchema = switchUnion([query, settings], byType({ string: 0, object: 1 }, `expected a SQL query or a mapping with "query"${GOT}`)).describe(
  'A business check in SQL, run read-only: a query (`select count(*) from bookings where …`) or { query, url, labels, value }. One row and one column → `guardia_probe_value{env,probe}`; label columns + a value column → one series per row.',
);
