import { afterAll, describe, expect, it } from 'vitest';
import { loadText, problemsOf, removeTempDirs } from '../../../internal/config-test-kit.js';

afterAll(removeTempDirs);

const config = (probes: string, env = '    database: ${DATABASE_URL}\n') => `project: demo\nenvironments:\n  production:\n${env}    probes:\n${probes}`;
const ENV = { DATABASE_URL: 'postgres://app:db-secret@db.internal:5432/shop' }; // guardia:allow-secret

describe('sql probes in guardia.yaml', () => {
  it('reads a query, or a mapping with url, labels and value, plus thresholds', async () => {
    const loaded = await loadText(
      config(`      stale_bookings:
        sql: select count(*) from bookings where status = 'pending_payment' and created_at < now() - interval '1 hour'
        every: 5m
        expect: { max: 5 }
      recent_bookings:
        sql: { query: "select count(*) from bookings where created_at > now() - interval '1 hour'", url: "postgresql:///shop?host=/run/postgresql" }
        expect: { min: 1 }
        degraded: { under: 3 }
      by_status:
        sql:
          query: select status, count(*) as n, 'x' as note from bookings group by status
          labels: [status]
          value: n
        degraded: { over: 3, under: "1" }
`),
      ENV,
    );
    const specs = (loaded.environments[0]?.probes ?? []).map((p) => (p.kind === 'sql' ? p.sql : undefined));
    expect(specs).toEqual([
      {
        url: ENV.DATABASE_URL,
        query: "select count(*) from bookings where status = 'pending_payment' and created_at < now() - interval '1 hour'",
        expect: { max: 5 },
        degraded: {},
      },
      {
        url: 'postgresql:///shop?host=/run/postgresql',
        query: "select count(*) from bookings where created_at > now() - interval '1 hour'",
        expect: { min: 1 },
        degraded: { min: 3 },
      },
      {
        url: ENV.DATABASE_URL,
        query: "select status, count(*) as n, 'x' as note from bookings group by status",
        labels: ['status'],
        value: 'n',
        expect: {},
        degraded: { min: 1, max: 3 },
      },
    ]);
  });

  it('needs a database from the environment or its own url, at the probe', async () => {
    expect(await problemsOf(config('      a:\n        sql: select 1\n      b:\n        sql: { query: select 1 }\n', ''))).toEqual([
      'guardia.yaml:6:14 environments.production.probes.a.sql: sql probe needs environments.production.database or sql.url',
      'guardia.yaml:8:14 environments.production.probes.b.sql: sql probe needs environments.production.database or sql.url',
    ]);
  });

  it('reports bad queries, labels and thresholds at their values', async () => {
    const problems = await problemsOf(
      config(`      a:
        sql: { query: " ", labels: [status, env, "1x", __name], value: status, timeout_ms: 5 }
        expect: { min: 10, max: 5 }
        degraded: {}
      b:
        sql: [select 1]
        expect: { max: lots, maximum: 3 }
      c:
        sql: select 1
        degraded: { over: 1, under: 2 }
`),
      ENV,
    );
    expect(problems).toEqual([
      'guardia.yaml:7:23 environments.production.probes.a.sql.query: expected a SQL query like "select count(*) from bookings where status = \'pending\'", got " "',
      'guardia.yaml:7:37 environments.production.probes.a.sql.labels[0]: "status" is the value column; it cannot also be a label',
      'guardia.yaml:7:45 environments.production.probes.a.sql.labels[1]: expected a column name other than "env" and "probe", which guardia sets, got "env"',
      'guardia.yaml:7:50 environments.production.probes.a.sql.labels[2]: expected a column name usable as a label (letters, digits and "_", not starting with a digit or "__"), got "1x"',
      'guardia.yaml:7:56 environments.production.probes.a.sql.labels[3]: expected a column name usable as a label (letters, digits and "_", not starting with a digit or "__"), got "__name"',
      'guardia.yaml:7:80 environments.production.probes.a.sql.timeout_ms: unknown key "timeout_ms"',
      'guardia.yaml:8:33 environments.production.probes.a.expect.max: expected at least min (10), got "5"',
      'guardia.yaml:9:19 environments.production.probes.a.degraded: missing a bound: add "under" or "over"',
      'guardia.yaml:11:14 environments.production.probes.b.sql: expected a SQL query or a mapping with "query", got a list',
      'guardia.yaml:12:24 environments.production.probes.b.expect.max: expected a number, got "lots"',
      'guardia.yaml:12:30 environments.production.probes.b.expect.maximum: unknown key "maximum"; did you mean "max"?',
      'guardia.yaml:15:27 environments.production.probes.c.degraded.over: expected at least under (2), got "1"',
    ]);
  });

  it('refuses a column that is both the value and a label', async () => {
    expect(await problemsOf(config('      a:\n        sql: { query: select 1 as n, value: n, labels: [n] }\n'), ENV)).toEqual([
      'guardia.yaml:7:57 environments.production.probes.a.sql.labels[0]: "n" is the value column; it cannot also be a label',
    ]);
  });

  it('says which kinds a misplaced threshold belongs to', async () => {
    expect(await problemsOf(config('      db:\n        postgres: {}\n        expect: { max: 5 }\n        degraded: { over: 1 }\n'), ENV)).toEqual([
      'guardia.yaml:8:9 environments.production.probes.db.expect: "expect" applies only to http or sql probes',
      'guardia.yaml:9:9 environments.production.probes.db.degraded: "degraded" applies only to sql probes',
    ]);
  });
});
