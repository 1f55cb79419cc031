import { afterEach, describe, expect, it } from 'vitest';
import { useRedisServers } from '../../../test/support/redis-server.js';
import { systemClock, type Clock } from '../../clock/index.js';
import type { RedisProbeSpec } from '../../config/resolved-config.js';
import { closedPort } from '../internal/probe-test-kit.js';
import type { ProbeMetric, ProbeOutcome } from '../probe.js';
import { RedisProbe } from './redis-probe.js';

const startRedis = useRedisServers();
const probes: RedisProbe[] = [];

afterEach(async () => {
  await Promise.all(probes.splice(0).map((probe) => probe.close()));
});

function redisProbe(url: string, overrides: Partial<RedisProbeSpec> = {}): RedisProbe {
  const probe = new RedisProbe({ url, keys: {}, maxKeys: 100_000, memoryDegradedOver: 0.9, ...overrides });
  probes.push(probe);
  return probe;
}

function run(probe: RedisProbe, options: { timeoutMs?: number; clock?: Clock; signal?: AbortSignal } = {}): Promise<ProbeOutcome> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  return probe.run({ signal: options.signal ?? new AbortController().signal, clock: options.clock ?? systemClock, timeoutMs });
}

function metric(outcome: ProbeOutcome, name: string, labels: Record<string, string> = {}): ProbeMetric | undefined {
  return outcome.metrics?.find((m) => m.name === name && Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
}

/** Number of clients connected to `server`, as it reports them. */
async function clientCount(server: { command(...args: string[]): Promise<string> }): Promise<number> {
  return Number(/connected_clients:(\d+)/.exec(await server.command('INFO', 'clients'))?.[1]);
}

describe('RedisProbe', () => {
  it('is up with PING and the INFO series of a master', async () => {
    const server = await startRedis();
    const outcome = await run(redisProbe(server.url));
    expect(outcome.status).toBe('up');
    expect(outcome.reason).toMatch(/^PONG in \d+ ms \(master, [\d.]+ (KiB|MiB) used\)$/);
    expect(metric(outcome, 'guardia_redis_memory_used_bytes')?.value).toBeGreaterThan(100_000);
    expect(metric(outcome, 'guardia_redis_memory_max_bytes')?.value).toBe(0);
    expect(metric(outcome, 'guardia_redis_connected_clients')?.value).toBeGreaterThanOrEqual(1);
    expect(metric(outcome, 'guardia_redis_role', { role: 'master' })?.value).toBe(1);
    expect(metric(outcome, 'guardia_redis_role', { role: 'replica' })?.value).toBe(0);
    expect(metric(outcome, 'guardia_redis_evicted_keys_total')).toMatchObject({ type: 'counter', value: 0 });
    expect(metric(outcome, 'guardia_redis_ping_seconds')?.value).toBeGreaterThanOrEqual(0);
  });

  it('keeps one connection between runs and quits it on close', async () => {
    const server = await startRedis();
    const probe = redisProbe(server.url);
    const before = await clientCount(server);
    await run(probe);
    await run(probe);
    await run(probe);
    expect(await clientCount(server)).toBe(before + 1);
    await probe.close();
    await expect.poll(() => clientCount(server)).toBe(before);
  });

  it('is down with the socket error when nothing listens', async () => {
    const port = await closedPort();
    const outcome = await run(redisProbe(`redis://127.0.0.1:${port}`));
    expect(outcome).toEqual({ status: 'down', reason: `connect ECONNREFUSED 127.0.0.1:${port}` });
  });

  it('goes down when the server stops and reconnects when it is back', async () => {
    const server = await startRedis();
    const probe = redisProbe(server.url);
    expect((await run(probe)).status).toBe('up');
    await server.stop();
    expect(await run(probe)).toEqual({ status: 'down', reason: `connect ECONNREFUSED 127.0.0.1:${server.port}` });
    expect(await run(probe)).toEqual({ status: 'down', reason: `connect ECONNREFUSED 127.0.0.1:${server.port}` });
    await server.restart();
    expect((await run(probe)).status).toBe('up');
    expect(await clientCount(server)).toBe(2);
  });

  it('is down with a clean reason when the server stops in the middle of a run', async () => {
    const server = await startRedis();
    const probe = redisProbe(server.url);
    expect((await run(probe)).status).toBe('up');
    // The pause holds the next PING on the wire; the server then goes away under it.
    await server.command('CLIENT', 'PAUSE', '10000', 'ALL');
    const pending = run(probe);
    await server.stop();
    expect(await pending).toEqual({ status: 'down', reason: `connect ECONNREFUSED 127.0.0.1:${server.port}` });
    await server.restart();
    expect((await run(probe)).status).toBe('up');
  });

  it('times out on a server that stops answering, then recovers on the next run', async () => {
    const server = await startRedis();
    const probe = redisProbe(server.url);
    expect((await run(probe)).status).toBe('up');
    await server.command('CLIENT', 'PAUSE', '1500', 'ALL');
    const outcome = await run(probe, { timeoutMs: 300, signal: AbortSignal.timeout(300) });
    expect(outcome).toEqual({ status: 'down', reason: 'timed out after 300 ms' });
    await expect.poll(async () => (await run(probe)).status, { timeout: 10_000, interval: 200 }).toBe('up');
  });

  it('names an authentication failure without showing the password', async () => {
    const server = await startRedis({ password: 's3cret-pass' });
    const wrong = await run(redisProbe(`redis://:hunter2-wrong@127.0.0.1:${server.port}`));
    expect(wrong).toEqual({ status: 'down', reason: 'authentication failed (WRONGPASS): wrong user name or password in the redis URL' });
    const none = await run(redisProbe(`redis://127.0.0.1:${server.port}`));
    expect(none).toEqual({ status: 'down', reason: 'authentication required (NOAUTH): add the password to the redis URL (redis://:PASSWORD@host:port)' });
    expect((await run(redisProbe(server.url))).status).toBe('up');
    const open = await startRedis();
    const needless = await run(redisProbe(`redis://:hunter2-extra@127.0.0.1:${open.port}`));
    expect(needless).toEqual({ status: 'down', reason: 'authentication failed: the server has no password set; remove it from the redis URL' });
  });

  it('is degraded when used memory is over its share of maxmemory', async () => {
    const server = await startRedis({ maxmemory: '2mb' });
    const outcome = await run(redisProbe(server.url, { memoryDegradedOver: 0.1 }));
    expect(outcome.status).toBe('degraded');
    expect(outcome.reason).toMatch(/^memory [\d.]+ % of maxmemory > 10 %$/);
    expect(metric(outcome, 'guardia_redis_memory_max_bytes')?.value).toBe(2 * 1024 * 1024);
    expect((await run(redisProbe(server.url, { memoryDegradedOver: 0.99 }))).status).toBe('up');
  });

  it('reports the replica role', async () => {
    const master = await startRedis({ password: 'pw' });
    const replica = await startRedis({ password: 'pw', replicaOf: master });
    const outcome = await run(redisProbe(replica.url));
    expect(outcome.reason).toMatch(/\(replica, /);
    expect(metric(outcome, 'guardia_redis_role', { role: 'replica' })?.value).toBe(1);
    expect(metric(outcome, 'guardia_redis_role', { role: 'master' })?.value).toBe(0);
  });
});

describe('RedisProbe key patterns', () => {
  const fill = "for i = 1, tonumber(ARGV[1]) do redis.call('SET', ARGV[2] .. i, 1) end";

  it('counts keys per pattern with SCAN', async () => {
    const server = await startRedis();
    await server.command('EVAL', fill, '0', '5000', 'lock:acc:');
    await server.command('EVAL', fill, '0', '3000', 'session:');
    const outcome = await run(redisProbe(server.url, { keys: { orphan_locks: 'lock:acc:*', none: 'nothing:*' } }));
    expect(outcome.status).toBe('up');
    expect(metric(outcome, 'guardia_redis_keys', { name: 'orphan_locks', pattern: 'lock:acc:*' })?.value).toBe(5000);
    expect(metric(outcome, 'guardia_redis_keys_complete', { name: 'orphan_locks' })?.value).toBe(1);
    expect(metric(outcome, 'guardia_redis_keys', { name: 'none' })?.value).toBe(0);
    expect(outcome.reason).not.toContain('counted');
  });

  it('stops at max_keys and says the count is partial', async () => {
    const server = await startRedis();
    await server.command('EVAL', fill, '0', '5000', 'lock:acc:');
    const outcome = await run(redisProbe(server.url, { keys: { locks: 'lock:acc:*' }, maxKeys: 1200 }));
    const counted = metric(outcome, 'guardia_redis_keys', { name: 'locks' })?.value ?? 0;
    expect(counted).toBeGreaterThanOrEqual(1200);
    expect(counted).toBeLessThan(5000);
    expect(metric(outcome, 'guardia_redis_keys_complete', { name: 'locks' })?.value).toBe(0);
    expect(outcome.status).toBe('up');
    expect(outcome.reason).toContain(`lock:acc:*: counted ${counted} keys, stopped at max_keys 1200`);
  });

  it('stops when the time budget of the run is spent', async () => {
    const server = await startRedis();
    await server.command('EVAL', fill, '0', '5000', 'lock:acc:');
    // Every reading of this clock is a second later, so the 4 s budget (80 % of 5 s) ends after a few SCAN calls.
    let now = 0;
    const stepping: Clock = { ...systemClock, now: () => (now += 1_000) };
    const outcome = await run(redisProbe(server.url, { keys: { locks: 'lock:acc:*' } }), { clock: stepping });
    expect(outcome.reason).toMatch(/lock:acc:\*: counted \d+ keys before the time budget ran out/);
    expect(metric(outcome, 'guardia_redis_keys', { name: 'locks' })?.value).toBeLessThan(5000);
  });
});
