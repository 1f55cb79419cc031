import type { SqlProbeSpec, ValueBounds } from '../../../resolved-config.js';
import { optional } from '../../internal/optional-field.js';
import { resolveDatabaseUrl } from '../postgres/database-url-resolver.js';
import { defineProbeKind } from '../probe-kind.js';
import { sqlQuerySchema } from './sql-query-schema.js';
import type { SqlSettings } from './sql-query-schema.js';
import { valueBoundsSchema } from './value-bounds-schema.js';

const expectSchema = valueBoundsSchema('min', 'max', {
  low: 'Down when the value is below this.',
  high: 'Down when the value is above this, e.g. `5` for "more than 5 stale bookings".',
}).describe('Bounds every value must stay within (inclusive), or the probe is down: { min, max }.');

const degradedSchema = valueBoundsSchema('under', 'over', {
  low: 'Degraded when the value is under this.',
  high: 'Degraded when the value is over this.',
}).describe('Degraded when a value is over or under these (and within `expect`): { over, under }.');

/** `sql:` probes: a business check written in SQL, read as numbers. */
export const sqlProbeKind = defineProbeKind({
  key: 'sql',
  shape: { sql: sqlQuerySchema, expect: optional(expectSchema), degraded: optional(degradedSchema) },
  resolve(input, ctx) {
    const own: SqlSettings = typeof input.sql === 'string' ? { query: input.sql } : input.sql;
    const sql: SqlProbeSpec = {
      url: resolveDatabaseUrl(own.url, 'sql', ctx),
      query: own.query,
      ...(own.labels !== undefined ? { labels: own.labels } : {}),
      ...(own.value !== undefined ? { value: own.value } : {}),
      expect: bounds(input.expect?.min, input.expect?.max),
      degraded: bounds(input.degraded?.under, input.degraded?.over),
    };
    return { kind: 'sql', sql };
  },
});

function bounds(min: number | undefined, max: number | undefined): ValueBounds {
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}
