import * as z from 'zod';
import { GOT } from '../../problems/path-problem.js';
import { parseCron, parseTimezone } from '../../values/cron-parser.js';
import { booleanField } from '../internal/boolean-field.js';
import { durationField } from '../internal/duration-field.js';
import { nameField } from '../internal/name-field.js';
import { numberField } from '../internal/number-field.js';
import { optional } from '../internal/optional-field.js';
import { containerError, parsedText, typeError } from '../internal/parsed-text.js';
import { strictObject } from '../internal/strict-object.js';
import { byType, switchUnion } from '../internal/switch-union.js';
import { postgresUrlField } from '../probes/postgres/postgres-url-field.js';
import { ageRecipientsField } from './age-recipients-field.js';
import { repositoriesSchema } from './repository-schema.js';

const cronField = () => parsedText((text) => parseCron(text).expr, 'a cron expression like "0 2 * * *"');
const text = (expected: string) => z.string({ error: typeError(`expected ${expected}${GOT}`) });
const texts = (expected: string) =>
  switchUnion([text(expected).transform((one) => [one]), z.array(text(expected))], byType({ string: 0, array: 1 }, `expected ${expected} or a list of them${GOT}`));
const count = () => numberField({ min: 0, integer: true });

const databaseSchema = switchUnion(
  [
    postgresUrlField(),
    strictObject({
      name: nameField('a database name').describe('Name in the repository layout and in series labels. Default: the URL\'s database name.').optional(),
      url: postgresUrlField().describe('Connection string (libpq semantics).'),
    }),
  ],
  byType({ string: 0, object: 1 }, `expected a PostgreSQL URL or a mapping with "url" (and "name")${GOT}`),
);

const verifySchema = strictObject({
  schedule: optional(cronField()).describe('Cron of scheduled verification of the newest unverified backup, e.g. `0 4 * * *`.'),
  after_backup: optional(booleanField()).describe('Verify each backup right after it is taken. Default: true.'),
  identity: optional(text('a file path')).describe(
    'age identity file (relative to this file) used only by verify, drills and mirrors; keep it outside the repository. Without it encrypted backups stay unverified.',
  ),
  server: optional(postgresUrlField()).describe('Server for scratch databases (its database part is ignored). Default: the backed-up server.'),
  sql: optional(texts('an SQL query')).describe('Assertions run in the restored database; each must return one row whose first column is true.'),
  amcheck: optional(booleanField()).describe('Check every btree index with amcheck when the extension is available. Default: true.'),
}).describe('Restore-verification: a backup counts only once a restore of it was verified.');

const keepSchema = strictObject({
  last: optional(count()).describe('Keep the newest N backups.'),
  daily: optional(count()).describe('Keep the newest backup of each of the last N days (wall clock, in `timezone`).'),
  weekly: optional(count()).describe('Keep the newest backup of each of the last N ISO weeks.'),
  monthly: optional(count()).describe('Keep the newest backup of each of the last N months.'),
  minimum: optional(numberField({ min: 1, integer: true })).describe('Never keep fewer than this many verified backups. Default: 1.'),
}).describe('Retention, applied after each successful backup and by `guardia backup prune`. The newest verified backup is never deleted.');

const objectivesSchema = strictObject({
  rpo: optional(durationField({ min: 1000 })).describe('Recovery point objective: the newest verified backup may be at most this old, e.g. `24h`.'),
  rto: optional(durationField({ min: 1000 })).describe('Recovery time objective: a restore must take at most this long, e.g. `4h`.'),
}).describe('Objectives checked by drills and the BackupRpoBreached rule.');

const drillSchema = strictObject({
  schedule: optional(cronField()).describe('Cron of scheduled disaster-recovery drills, e.g. `0 5 * * 0`.'),
  smoke: optional(z.array(nameField('a probe name'), { error: containerError(`expected a list of probe names${GOT}`) })).describe(
    'postgres or sql probes of this environment run once against the restored database.',
  ),
}).describe('Disaster-recovery drills: the newest backup from the repository into a fresh database, checked, with a report.');

/** `backups:` of one environment: what to dump, when, where to, and how it is proven. */
export const backupsSchema = optional(
  strictObject({
    schedule: optional(cronField()).describe('Cron of scheduled backups (5 fields, or 6 with seconds first), e.g. `0 2 * * *`. Default: on demand only.'),
    timezone: optional(parsedText(parseTimezone, 'an IANA time zone like "Europe/Madrid"')).describe('IANA time zone of the schedules and of retention days. Default: the host\'s.'),
    databases: optional(z.array(databaseSchema, { error: containerError(`expected a list of databases${GOT}`) }).min(1, { error: 'expected at least one database' })).describe(
      'Databases to back up (URLs or `{name, url}`). Default: the environment\'s `database`.',
    ),
    jobs: optional(numberField({ min: 1, max: 64, integer: true })).describe('Parallel jobs of pg_dump and pg_restore. Default: 2.'),
    exclude_table_data: optional(texts('a table pattern like "audit_log" or "sessions_*"')).describe(
      'Tables whose data is not dumped (their definition is), as `pg_dump --exclude-table-data` patterns.',
    ),
    globals: optional(booleanField()).describe('Also dump roles and tablespaces (`pg_dumpall --globals-only`). Default: true.'),
    to: repositoriesSchema,
    encrypt_to: optional(ageRecipientsField()).describe(
      'age recipients (`age1…`, `ssh-ed25519 …`): a text separated by commas or spaces, or a list. Empty: no encryption.',
    ),
    verify: optional(verifySchema),
    keep: optional(keepSchema),
    objectives: optional(objectivesSchema),
    drill: optional(drillSchema),
  }),
).describe('Backups of this environment\'s databases: pg_dump directory format, compressed, optionally encrypted, verified by restoring.');

/** `backups:` as the schema validated it. */
export type BackupsInput = NonNullable<z.output<typeof backupsSchema>>;
