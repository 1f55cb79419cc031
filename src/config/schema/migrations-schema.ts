import * as z from 'zod';
import { GOT } from '../problems/path-problem.js';
import { durationField } from './internal/duration-field.js';
import { optional } from './internal/optional-field.js';
import { typeError } from './internal/parsed-text.js';
import { strictObject } from './internal/strict-object.js';

const tableName = z
  .string({ error: typeError(`expected a table name${GOT}`) })
  .regex(/^[a-z_][a-z0-9_]{0,62}$/, { error: `expected a lower-case SQL identifier like "guardia_schema_migrations"${GOT}` });

/** `migrations:` of one environment: the app's numbered SQL migrations and how they are applied. */
export const migrationsSchema = optional(
  strictObject({
    dir: optional(z.string({ error: typeError(`expected a directory path${GOT}`) })).describe(
      'Directory of `NNNN_name.sql` files, relative to this file. Default: `migrations/`.',
    ),
    table: optional(tableName).describe('History table in the app database. Default: `guardia_schema_migrations`.'),
    lock_timeout: optional(durationField({ min: 1 })).describe('`SET lock_timeout` before each migration. Default: 5s.'),
    statement_timeout: optional(durationField({ min: 1 })).describe('`SET statement_timeout` before each migration. Default: 15m.'),
  }),
).describe('Migrations of the app database (`guardia migrate`, the release `migrate` step).');

/** `migrations:` as the schema validated it. */
export type MigrationsInput = NonNullable<z.output<typeof migrationsSchema>>;
