import { afterAll, describe, expect, it } from 'vitest';
import { loadText, problemsOf, removeTempDirs } from '../../../internal/config-test-kit.js';

afterAll(removeTempDirs);

const config = (probes: string, env = '    database: ${DATABASE_URL}\n') => `project: demo\nenvironments:\n  production:\n${env}    probes:\n${probes}`;
const ENV = { DATABASE_URL: 'postgres://app:db-secret@db.internal:5432/shop' }; // guardia:allow-secret

describe('postgres probes in guardia.yaml', () => {
  it('uses the environment database, its own url, and the defaults', async () => {
    const loaded = await loadText(
      config(`      db: { postgres: {} }
      bare:
        postgres:
      replica:
        postgres: { url: "postgresql:///shop?host=/run/postgresql", stats: false, max_connections_ratio: 80% }
      short: { postgres: "postgres://ro@replica:5432/shop?sslmode=require", degraded_over: 500ms }
`),
      ENV,
    );
    const probes = loaded.environments[0]?.probes ?? [];
    expect(probes.map((p) => (p.kind === 'postgres' ? p.postgres : undefined))).toEqual([
      { url: ENV.DATABASE_URL, stats: true, maxConnectionsRatio: 0.9 },
      { url: ENV.DATABASE_URL, stats: true, maxConnectionsRatio: 0.9 },
      { url: 'postgresql:///shop?host=/run/postgresql', stats: false, maxConnectionsRatio: 0.8 },
      { url: 'postgres://ro@replica:5432/shop?sslmode=require', stats: true, maxConnectionsRatio: 0.9 },
    ]);
    expect(probes[3]).toMatchObject({ kind: 'postgres', degradedOverMs: 500 });
  });

  it('needs a database from the environment or its own url, at the probe', async () => {
    expect(await problemsOf(config('      db: { postgres: {} }\n      db2:\n        postgres: { stats: false }\n', ''))).toEqual([
      'guardia.yaml:5:23 environments.production.probes.db.postgres: postgres probe needs environments.production.database or postgres.url',
      'guardia.yaml:7:19 environments.production.probes.db2.postgres: postgres probe needs environments.production.database or postgres.url',
    ]);
  });

  it('reports bad options at their values', async () => {
    const problems = await problemsOf(
      config(`      a:
        postgres: { url: "mysql://db/x", stats: maybe, max_connections_ratio: 1.5, pool: 3 }
      b:
        postgres: { url: "postgres://db/x?sslmode=sometimes", max_connections_ratio: "150%" }
      c:
        postgres: [1]
`),
      ENV,
    );
    expect(problems).toEqual([
      'guardia.yaml:7:26 environments.production.probes.a.postgres.url: expected a PostgreSQL URL like "postgres://user@host:5432/db" or "postgresql:///db?host=/run/postgresql", got "mysql://db/x"',
      'guardia.yaml:7:49 environments.production.probes.a.postgres.stats: expected true or false, got "maybe"',
      'guardia.yaml:7:79 environments.production.probes.a.postgres.max_connections_ratio: expected a number from 0 to 1, got "1.5"',
      'guardia.yaml:7:84 environments.production.probes.a.postgres.pool: unknown key "pool"',
      'guardia.yaml:9:26 environments.production.probes.b.postgres.url: expected sslmode to be one of disable, allow, prefer, require, verify-ca, verify-full, got "postgres://db/x?sslmode=sometimes"',
      'guardia.yaml:9:86 environments.production.probes.b.postgres.max_connections_ratio: expected a percentage like "80%", got "150%"',
      'guardia.yaml:11:19 environments.production.probes.c.postgres: expected {}, a mapping with "url", "stats", "max_connections_ratio", or a PostgreSQL URL, got a list',
    ]);
  });
});
