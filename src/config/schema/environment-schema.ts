import * as z from 'zod';
import { GOT } from '../problems/path-problem.js';
import { alertsSchema } from './alerts/alert-rule-schema.js';
import { backupsSchema } from './backups/backups-schema.js';
import { migrationsSchema } from './migrations-schema.js';
import { mirrorSchema } from './mirror/mirror-schema.js';
import { nameField } from './internal/name-field.js';
import { optional } from './internal/optional-field.js';
import { containerError } from './internal/parsed-text.js';
import { strictObject } from './internal/strict-object.js';
import { urlField } from './internal/url-field.js';
import { probeSchema } from './probe-schema.js';
import { releaseSchema } from './release/release-schema.js';
import { statusPageSchema } from './status-page-schema.js';

/** One environment (production, staging…): where it is and what to check. */
export const environmentSchema = strictObject({
  tier: optional(
    z.enum(['production', 'staging', 'development'], { error: `expected production, staging or development${GOT}` }),
  ).describe(
    'What the environment is. Default from its name: production, prod, prd and live are production; staging, stage, stg and preprod are staging; anything else development. Mirrors never write into production.',
  ),
  url: optional(urlField(['http:', 'https:'], 'an absolute http(s) URL like "https://api.example.com"')).describe(
    'Base URL of the app; relative http probe paths are appended to it.',
  ),
  database: optional(
    urlField(['postgres:', 'postgresql:'], 'a PostgreSQL URL like "postgres://user@host:5432/db" or "postgresql:///db?host=/run/postgresql"'),
  ).describe('PostgreSQL connection string (libpq semantics; PG* variables apply), usually `${DATABASE_URL}`. Empty means none.'),
  redis: optional(urlField(['redis:', 'rediss:'], 'a Redis URL like "redis://host:6379"')).describe(
    'Redis URL (`redis://` or `rediss://`), usually `${REDIS_URL}`. Empty means none.',
  ),
  probes: optional(
    z.record(nameField('a probe name'), probeSchema, { error: containerError(`expected a mapping of probe names to probes${GOT}`) }),
  ).describe('Probes, by name. A probe id is `<environment>/<probe>`.'),
  alerts: alertsSchema,
  backups: backupsSchema,
  release: releaseSchema,
  migrations: migrationsSchema,
  mirror: mirrorSchema,
  status_page: statusPageSchema,
});

/** `environments:` — at least one, by name, in file order. */
export const environmentsSchema = z
  .record(nameField('an environment name'), environmentSchema, { error: containerError(`expected a mapping of environment names to their settings${GOT}`) })
  .refine((envs) => Object.keys(envs).length > 0, { error: `expected at least one environment${GOT}` })
  .describe('Environments by name (production, staging…), each with its url, database, redis and probes.');
