import * as z from 'zod';
import { GOT } from '../../../problems/path-problem.js';
import type { PostgresProbeSpec } from '../../../resolved-config.js';
import { booleanField } from '../../internal/boolean-field.js';
import { optional } from '../../internal/optional-field.js';
import { strictObject } from '../../internal/strict-object.js';
import { byType, switchUnion } from '../../internal/switch-union.js';
import { defineProbeKind } from '../probe-kind.js';
import { resolveDatabaseUrl } from './database-url-resolver.js';
import { postgresUrlField } from './postgres-url-field.js';
import { ratioField } from './ratio-field.js';

/** The share of max_connections in use above which the seeds ask for a warning. */
export const DEFAULT_MAX_CONNECTIONS_RATIO = 0.9;

const settings = strictObject({
  url: optional(postgresUrlField()).describe(
    'Connection string (libpq semantics: `postgresql:///db?host=/run/postgresql`, PG* variables apply). Default: the environment\'s `database`.',
  ),
  stats: optional(booleanField()).describe(
    'Read server statistics as `guardia_postgres_*` series (connections, size, replication, oldest transaction, waiting locks). false: only connect and `select 1`. Default: true.',
  ),
  max_connections_ratio: optional(ratioField()).describe(
    'Degraded when more than this share of max_connections is in use: `0.9` or `90%`. Default: 0.9.',
  ),
});

const EXPECTED = `expected {}, a mapping with "url", "stats", "max_connections_ratio", or a PostgreSQL URL${GOT}`;

/** Nothing at all (`postgres:`) means the same as `{}`, as for optional settings. */
const postgresSchema = switchUnion(
  [z.null(), z.literal(''), switchUnion([postgresUrlField(), settings], byType({ string: 0, object: 1 }, EXPECTED))],
  (input) => (input === null ? 0 : input === '' ? 1 : 2),
).describe(
  'Check a PostgreSQL server: connect, `select 1`, server statistics. `{}` uses the environment\'s `database`; or a URL, or { url, stats, max_connections_ratio }.',
);

/** `postgres:` probes: a PostgreSQL server answers, and how it is doing. */
export const postgresProbeKind = defineProbeKind({
  key: 'postgres',
  shape: { postgres: postgresSchema },
  resolve(input, ctx) {
    const own = input.postgres;
    const given: z.output<typeof settings> = typeof own === 'string' ? (own ? { url: own } : {}) : (own ?? {});
    const postgres: PostgresProbeSpec = {
      url: resolveDatabaseUrl(given.url, 'postgres', ctx),
      stats: given.stats ?? true,
      maxConnectionsRatio: given.max_connections_ratio ?? DEFAULT_MAX_CONNECTIONS_RATIO,
    };
    return { kind: 'postgres', postgres };
  },
});
