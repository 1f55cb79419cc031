import * as z from 'zod';
import { GOT } from '../../../problems/path-problem.js';
import type { RedisProbeSpec } from '../../../resolved-config.js';
import { numberField } from '../../internal/number-field.js';
import { optional } from '../../internal/optional-field.js';
import { typeError } from '../../internal/parsed-text.js';
import { percentField } from '../../internal/percent-field.js';
import { strictMapping } from '../../internal/strict-mapping.js';
import { urlField } from '../../internal/url-field.js';
import { defineProbeKind } from '../probe-kind.js';

/** Counting stops here unless `max_keys` says otherwise: enough for "orphaned locks > 5", cheap for the server. */
export const DEFAULT_REDIS_MAX_KEYS = 100_000;
/** Degraded above 90 % of maxmemory: evictions or OOM errors are near. */
export const DEFAULT_REDIS_MEMORY_DEGRADED_OVER = 0.9;

const KEY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const keyName = z.string().regex(KEY_NAME, { error: `expected a name made of letters, digits and "_", like "orphan_locks"${GOT}` });
const keyPattern = z
  .string({ error: typeError(`expected a key pattern like "lock:acc:*"${GOT}`) })
  .min(1, { error: `expected a key pattern like "lock:acc:*"${GOT}` });

const MAPPING = `a mapping like {} (the environment's redis) or { url: "redis://host:6379" }`;

const redisSchema = strictMapping(
  {
    url: optional(urlField(['redis:', 'rediss:'], 'a Redis URL like "redis://host:6379"')).describe(
      "Redis URL (`redis://[user:password@]host:port[/db]` or `rediss://`). Default: the environment's `redis`.",
    ),
    keys: optional(z.record(keyName, keyPattern)).describe(
      'Key patterns to count with SCAN (never KEYS), by name: `{ orphan_locks: "lock:acc:*" }` → `guardia_redis_keys{name, pattern}`.',
    ),
    max_keys: optional(numberField({ min: 1, max: 100_000_000, integer: true })).describe(
      'Most keys counted per pattern and run; past it the count is a lower bound and the reason says so. Default: 100000.',
    ),
    memory_degraded_over: optional(percentField()).describe(
      'Degraded when used memory exceeds this share of `maxmemory` (no effect without a limit). Default: 90%.',
    ),
  },
  MAPPING,
).describe("Check a Redis server: PING latency, INFO memory/clients/role/evictions, optional key-pattern counts. `{}` uses the environment's `redis`.");

/** `redis:` probes: PING, INFO and key-pattern counts of a Redis server. */
export const redisProbeKind = defineProbeKind({
  key: 'redis',
  shape: { redis: redisSchema },
  resolve(input, ctx) {
    const own = input.redis;
    const url = own.url ?? ctx.env.redis;
    if (url === undefined) {
      ctx.problems.add([...ctx.path, 'redis'], `missing the Redis URL: add "url" here or set environments.${ctx.env.name}.redis`);
    }
    const redis: RedisProbeSpec = {
      url: url ?? '',
      keys: own.keys ?? {},
      maxKeys: own.max_keys ?? DEFAULT_REDIS_MAX_KEYS,
      memoryDegradedOver: own.memory_degraded_over ?? DEFAULT_REDIS_MEMORY_DEGRADED_OVER,
    };
    return { kind: 'redis', redis };
  },
});
