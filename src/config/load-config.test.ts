import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_VOCABULARY } from './schema/probes/http/health-vocabulary.js';
import { loadConfig } from './load-config.js';
import { loadText, MINIMAL, writeConfig, removeTempDirs } from './internal/config-test-kit.js';
import type { ResolvedConfig } from './resolved-config.js';

afterAll(removeTempDirs);

const FULL = `# yaml-language-server: $schema=./guardia.schema.json
project: demo
store: sqlite:.guardia/guardia.db
server:
  listen: 127.0.0.1:4680
defaults:
  every: 30s
  timeout: 10s
  retries: 0
  retry_delay: 1s
environments:
  production:
    url: https://api.example.com
    database: \${DATABASE_URL}
    redis: \${REDIS_URL}
    probes:
      api:
        http: /health
        expect:
          status: 200
          json: { status: healthy }
          json_path:
            - { path: $.checks.database.latency_ms, lt: 500 }
          body: "ok|healthy"
          headers: { Content-Type: "application/json" }
          max_latency: 2s
        health: auto
        every: 10s
        timeout: 5s
        retries: 1
        retry_delay: 1s
        degraded_over: 500ms
        jitter: 1s
      db_port:
        tcp: db.internal:5432
      nightly_backup:
        heartbeat: { period: 1d, grace: 1h }
      nightly_cron:
        heartbeat: { cron: "0 2 * * *", timezone: Europe/Madrid, grace: 1h, token: "\${NIGHTLY_TOKEN}" }
  staging:
    url: https://staging.example.com/api/
    probes:
      login:
        http:
          url: /login?probe=1
          method: post
          headers: { X-Probe: guardia, X-Count: 3 }
          body: '{"user":"probe"}'
          follow_redirects: false
          max_redirects: 0
          max_body: 64KiB
          tls: { insecure: true, min_days: 0 }
        expect:
          status: [200, "3xx", "401-403"]
          json_path:
            - { path: $.user, equals: null }
            - { path: "$.items[0].name", matches: "^a" }
            - { path: $.flag, exists: false }
        health: { vocabulary: { up: [Green, warn], down: [RED] } }
      external:
        http: https://status.example.org/ping
        health: false
`;

const ENV = {
  DATABASE_URL: 'postgres://app:db-password@db.internal:5432/app', // guardia:allow-secret
  REDIS_URL: 'redis://:redis-password@cache:6379',
  NIGHTLY_TOKEN: 'nightly-token-123',
};

const common = (env: string, name: string, overrides: Partial<Record<string, number>> = {}) => ({
  id: `${env}/${name}`,
  env,
  name,
  everyMs: 30_000,
  timeoutMs: 10_000,
  retries: 0,
  retryDelayMs: 1_000,
  jitterMs: 3_000,
  ...overrides,
});

const defaultExpect = { status: [{ min: 200, max: 299 }], jsonPath: [], headers: {} };
const defaultHealth = { mode: 'auto' as const, vocabulary: { ...DEFAULT_HEALTH_VOCABULARY } };

function expectedFull(dir: string): ResolvedConfig {
  return {
    file: join(dir, 'guardia.yaml'),
    dir,
    project: 'demo',
    store: `sqlite:${join(dir, '.guardia/guardia.db')}`,
    server: { listen: { host: '127.0.0.1', port: 4680 } },
    environments: [
      {
        name: 'production',
        tier: 'production',
        url: 'https://api.example.com',
        database: ENV.DATABASE_URL,
        redis: ENV.REDIS_URL,
        probes: [
          {
            ...common('production', 'api', { everyMs: 10_000, timeoutMs: 5_000, retries: 1, jitterMs: 1_000 }),
            degradedOverMs: 500,
            kind: 'http',
            http: {
              url: 'https://api.example.com/health',
              method: 'GET',
              headers: {},
              followRedirects: true,
              maxRedirects: 5,
              maxBodyBytes: 1_048_576,
              tls: { insecure: false, minDays: 14 },
              expect: {
                status: [{ min: 200, max: 200 }],
                json: { status: 'healthy' },
                jsonPath: [{ path: '$.checks.database.latency_ms', op: 'lt', value: 500 }],
                body: 'ok|healthy',
                headers: { 'content-type': 'application/json' },
                maxLatencyMs: 2_000,
              },
              health: defaultHealth,
            },
          },
          { ...common('production', 'db_port'), kind: 'tcp', tcp: { host: 'db.internal', port: 5432 } },
          { ...common('production', 'nightly_backup'), kind: 'heartbeat', heartbeat: { periodMs: 86_400_000, graceMs: 3_600_000 } },
          {
            ...common('production', 'nightly_cron'),
            kind: 'heartbeat',
            heartbeat: { cron: { expr: '0 2 * * *', timezone: 'Europe/Madrid' }, graceMs: 3_600_000, token: ENV.NIGHTLY_TOKEN },
          },
        ],
      },
      {
        name: 'staging',
        tier: 'staging',
        url: 'https://staging.example.com/api/',
        probes: [
          {
            ...common('staging', 'login'),
            kind: 'http',
            http: {
              url: 'https://staging.example.com/api/login?probe=1',
              method: 'POST',
              headers: { 'X-Probe': 'guardia', 'X-Count': '3' },
              body: '{"user":"probe"}',
              followRedirects: false,
              maxRedirects: 0,
              maxBodyBytes: 65_536,
              tls: { insecure: true, minDays: 0 },
              expect: {
                ...defaultExpect,
                status: [
                  { min: 200, max: 200 },
                  { min: 300, max: 399 },
                  { min: 401, max: 403 },
                ],
                jsonPath: [
                  { path: '$.user', op: 'equals', value: null },
                  { path: '$.items[0].name', op: 'matches', value: '^a' },
                  { path: '$.flag', op: 'exists', value: false },
                ],
              },
              health: {
                mode: 'auto',
                vocabulary: {
                  up: ['ok', 'healthy', 'up', 'pass', 'connected', 'green', 'warn'],
                  degraded: ['warning', 'degraded'],
                  down: ['error', 'critical', 'fail', 'down', 'unhealthy', 'disconnected', 'red'],
                },
              },
            },
          },
          {
            ...common('staging', 'external'),
            kind: 'http',
            http: {
              url: 'https://status.example.org/ping',
              method: 'GET',
              headers: {},
              followRedirects: true,
              maxRedirects: 5,
              maxBodyBytes: 1_048_576,
              tls: { insecure: false, minDays: 14 },
              expect: defaultExpect,
              health: { mode: 'off', vocabulary: { ...DEFAULT_HEALTH_VOCABULARY } },
            },
          },
        ],
      },
    ],
    alerting: { evaluationIntervalMs: 10_000, watchdog: true, rules: [] },
    routing: { routes: [], inhibit: [], maintenance: [] },
    channels: [],
    incidents: {
      openOn: ['critical'],
      correlateMs: 1_800_000,
      autoResolve: true,
      map: { critical: 'SEV1', high: 'SEV2', medium: 'SEV3', low: 'SEV4' },
      severities: {
        SEV1: { respondMs: 300_000, escalate: [] },
        SEV2: { respondMs: 900_000, escalate: [] },
        SEV3: { respondMs: 3_600_000, escalate: [] },
        SEV4: { respondMs: 86_400_000, escalate: [] },
      },
    },
    secrets: [ENV.DATABASE_URL, ENV.REDIS_URL, ENV.NIGHTLY_TOKEN],
  };
}

describe('loadConfig on a valid file', () => {
  it('resolves every setting of a full config', async () => {
    const { dir, file } = writeConfig(FULL);
    const config = await loadConfig(file, { env: ENV });
    expect(config).toEqual(expectedFull(dir));
  });

  it('applies built-in defaults when nothing is set', async () => {
    const config = await loadText(MINIMAL);
    expect(config.store).toBeUndefined();
    expect(config.server).toEqual({});
    expect(config.secrets).toEqual([]);
    expect(config.environments[0]?.probes[0]).toMatchObject({
      id: 'production/api',
      everyMs: 30_000,
      timeoutMs: 10_000,
      retries: 0,
      retryDelayMs: 1_000,
      jitterMs: 3_000,
      kind: 'http',
    });
  });

  it('caps the default timeout and jitter by a short interval', async () => {
    const config = await loadText(`${MINIMAL}        every: 2s\n`);
    expect(config.environments[0]?.probes[0]).toMatchObject({ everyMs: 2_000, timeoutMs: 2_000, jitterMs: 200 });
  });

  it('caps the default jitter at 10s for long intervals', async () => {
    const config = await loadText(`${MINIMAL}        every: 1h\n`);
    expect(config.environments[0]?.probes[0]).toMatchObject({ everyMs: 3_600_000, timeoutMs: 10_000, jitterMs: 10_000 });
  });

  it('uses defaults: for probes that do not set their own', async () => {
    const text = MINIMAL.replace('environments:', 'defaults: { every: 1m, timeout: 3s, retries: 2, retry_delay: 2s, degraded_over: 1s, jitter: 5s }\nenvironments:');
    const config = await loadText(text);
    expect(config.environments[0]?.probes[0]).toMatchObject({
      everyMs: 60_000,
      timeoutMs: 3_000,
      retries: 2,
      retryDelayMs: 2_000,
      degradedOverMs: 1_000,
      jitterMs: 5_000,
    });
  });

  it('keeps environments and probes in file order, numeric names included', async () => {
    const config = await loadText(`project: demo
environments:
  zeta:
    probes:
      b: { tcp: "h:1" }
      "2": { tcp: "h:2" }
      a: { tcp: "h:3" }
  "2024": {}
  alpha: {}
`);
    expect(config.environments.map((e) => e.name)).toEqual(['zeta', '2024', 'alpha']);
    expect(config.environments[0]?.probes.map((p) => p.id)).toEqual(['zeta/b', 'zeta/2', 'zeta/a']);
  });

  it.each([
    ['sqlite:state/g.db', (dir: string) => `sqlite:${join(dir, 'state/g.db')}`],
    ['sqlite:./g.db', (dir: string) => `sqlite:${join(dir, 'g.db')}`],
    ['sqlite:///var/lib/guardia/g.db', () => 'sqlite:/var/lib/guardia/g.db'],
    ['sqlite:/var/lib/guardia/g.db', () => 'sqlite:/var/lib/guardia/g.db'],
  ])('resolves store %j against the config directory', async (store, expected) => {
    const { dir, file } = writeConfig(`store: ${store}\n${MINIMAL}`);
    const config = await loadConfig(file, { env: {} });
    expect(config.store).toBe(expected(dir));
  });

  it('accepts the listen address forms', async () => {
    for (const [listen, expected] of [
      ['"[::1]:4680"', { host: '::1', port: 4680 }],
      ['localhost:8080', { host: 'localhost', port: 8080 }],
    ] as const) {
      const config = await loadText(`server: { listen: ${listen} }\n${MINIMAL}`);
      expect(config.server.listen).toEqual(expected);
    }
  });

  it('accepts a tcp probe given as host and port', async () => {
    const config = await loadText(`project: demo
environments:
  production:
    probes:
      db: { tcp: { host: "::1", port: 5432 } }
`);
    expect(config.environments[0]?.probes[0]).toMatchObject({ kind: 'tcp', tcp: { host: '::1', port: 5432 } });
  });

  it('gives a heartbeat a 5m grace by default and no token', async () => {
    const config = await loadText(`project: demo
environments:
  production:
    probes:
      job: { heartbeat: { cron: "*/15 * * * *" } }
`);
    expect(config.environments[0]?.probes[0]).toMatchObject({ kind: 'heartbeat', heartbeat: { cron: { expr: '*/15 * * * *' }, graceMs: 300_000 } });
    const probe = config.environments[0]?.probes[0];
    expect(probe?.kind === 'heartbeat' && 'token' in probe.heartbeat).toBe(false);
  });

  it('accepts postgres URLs in libpq forms and an environment without probes', async () => {
    const config = await loadText(`project: demo
environments:
  production:
    database: postgresql:///app?host=/run/postgresql
    redis: rediss://cache.internal:6380
`);
    expect(config.environments[0]).toEqual({
      name: 'production',
      tier: 'production',
      database: 'postgresql:///app?host=/run/postgresql',
      redis: 'rediss://cache.internal:6380',
      probes: [],
    });
  });
});
