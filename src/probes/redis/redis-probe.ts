import type { RedisProbeSpec } from '../../config/resolved-config.js';
import { formatBytes } from '../internal/format-bytes.js';
import { formatDuration } from '../internal/format-duration.js';
import { formatPercent } from '../internal/format-percent.js';
import { withSignal } from '../internal/with-signal.js';
import type { Probe, ProbeContext, ProbeOutcome } from '../probe.js';
import { countKeys, type KeyCount } from './internal/count-keys.js';
import { redisErrorReason } from './internal/redis-error-reason.js';
import { parseRedisInfo, type RedisInfo } from './internal/redis-info.js';
import { redisMetrics } from './internal/redis-metrics.js';
import { connectNodeRedis } from './node-redis-client.js';
import type { RedisClient, RedisConnector } from './redis-client.js';

/** Share of the timeout key counting may use, leaving time to report what was counted. */
const SCAN_BUDGET = 0.8;

type KeyCounts = Map<string, { pattern: string; result: KeyCount }>;

/**
 * Probes a Redis server: PING, INFO (memory, clients, role, evictions) and SCAN counts of
 * key patterns. One connection is kept between runs; after any failure it is dropped and
 * the next run connects afresh, so a restarted server is picked up without a reconnect loop.
 */
export class RedisProbe implements Probe {
  readonly kind = 'redis';
  private client: RedisClient | undefined;
  private connecting: Promise<RedisClient> | undefined;
  private readonly password: string;

  constructor(
    private readonly spec: RedisProbeSpec,
    private readonly connect: RedisConnector = connectNodeRedis,
  ) {
    this.password = passwordOf(spec.url);
  }

  async run(ctx: ProbeContext): Promise<ProbeOutcome> {
    const budgetEnd = ctx.clock.now() + ctx.timeoutMs * SCAN_BUDGET;
    const onAbort = () => void this.discard();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const reused = this.client?.usable === true;
      try {
        return await this.check(ctx, budgetEnd);
      } catch (error) {
        if (!reused || ctx.signal.aborted) throw error;
        // A kept connection may have died since the last run (server restart, idle timeout): one fresh try.
        await this.discard();
        return await this.check(ctx, budgetEnd);
      }
    } catch (error) {
      await this.discard();
      return { status: 'down', reason: redisErrorReason(error, ctx.signal, ctx.timeoutMs, this.password) };
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
    }
  }

  async close(): Promise<void> {
    await this.discard();
  }

  private async check(ctx: ProbeContext, budgetEnd: number): Promise<ProbeOutcome> {
    const client = await this.clientFor(ctx);
    const pingStarted = ctx.clock.now();
    await withSignal(client.command(['PING'], ctx.signal), ctx.signal);
    const pingMs = ctx.clock.now() - pingStarted;
    const info = parseRedisInfo(String(await withSignal(client.command(['INFO'], ctx.signal), ctx.signal)));
    const counts = await this.countPatterns(client, ctx, budgetEnd);
    return { ...this.judge(info, pingMs, counts), metrics: redisMetrics(info, pingMs, counts) };
  }

  private clientFor(ctx: ProbeContext): Promise<RedisClient> {
    if (this.client?.usable) return Promise.resolve(this.client);
    // Runs can overlap ("run now" during a scheduled run); they share one connection attempt.
    this.connecting ??= this.connect(this.spec.url, { connectTimeoutMs: ctx.timeoutMs, signal: ctx.signal })
      .then((client) => (this.client = client))
      .finally(() => (this.connecting = undefined));
    return withSignal(this.connecting, ctx.signal);
  }

  private async discard(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.close();
  }

  private async countPatterns(client: RedisClient, ctx: ProbeContext, deadline: number): Promise<KeyCounts> {
    const counts: KeyCounts = new Map();
    for (const [name, pattern] of Object.entries(this.spec.keys)) {
      const limits = { maxKeys: this.spec.maxKeys, deadline, clock: ctx.clock, signal: ctx.signal };
      counts.set(name, { pattern, result: await withSignal(countKeys(client, pattern, limits), ctx.signal) });
    }
    return counts;
  }

  private judge(info: RedisInfo, pingMs: number, counts: KeyCounts): Pick<ProbeOutcome, 'status' | 'reason'> {
    const notes = [...counts.values()].flatMap(({ pattern, result }) => countNote(pattern, result, this.spec.maxKeys));
    const ratio = info.maxMemoryBytes > 0 ? info.usedMemoryBytes / info.maxMemoryBytes : 0;
    if (ratio > this.spec.memoryDegradedOver) {
      const reason = `memory ${formatPercent(ratio)} of maxmemory > ${formatPercent(this.spec.memoryDegradedOver)}`;
      return { status: 'degraded', reason: [reason, ...notes].join('; ') };
    }
    const summary = `PONG in ${formatDuration(pingMs)} (${info.role}, ${formatBytes(info.usedMemoryBytes)} used)`;
    return { status: 'up', reason: [summary, ...notes].join('; ') };
  }
}

/** Why a count is only a lower bound, if it is. */
function countNote(pattern: string, result: KeyCount, maxKeys: number): string[] {
  if (result.end === 'max_keys') return [`${pattern}: counted ${result.count} keys, stopped at max_keys ${maxKeys}`];
  if (result.end === 'time') return [`${pattern}: counted ${result.count} keys before the time budget ran out`];
  return [];
}

function passwordOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}
