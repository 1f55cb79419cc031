import { afterAll, describe, expect, it } from 'vitest';
import { MINIMAL, problemsOf, removeTempDirs } from './internal/config-test-kit.js';

afterAll(removeTempDirs);

/** A config with one environment whose probes section is `probes` (indented by 6). */
const withProbes = (probes: string, env = '    url: https://api.example.com\n') =>
  `project: demo\nenvironments:\n  production:\n${env}    probes:\n${probes}`;

describe('loadConfig schema problems', () => {
  it('reports a bad duration at the value, with the path', async () => {
    expect(await problemsOf(`${MINIMAL}        every: 10\n`)).toEqual([
      'guardia.yaml:8:16 environments.production.probes.api.every: expected a duration like "10s", got "10"',
    ]);
  });

  it('reports a missing required key at the enclosing mapping', async () => {
    expect(await problemsOf('project: demo\n')).toEqual(['guardia.yaml:1:1: missing required key "environments"']);
    expect(await problemsOf('environments:\n  production: {}\n')).toEqual(['guardia.yaml:1:1: missing required key "project"']);
  });

  it('reports an unknown key at the key, with did you mean', async () => {
    expect(await problemsOf(`${MINIMAL}        evry: 10s\n        colour: blue\n`)).toEqual([
      'guardia.yaml:8:9 environments.production.probes.api.evry: unknown key "evry"; did you mean "every"?',
      'guardia.yaml:9:9 environments.production.probes.api.colour: unknown key "colour"',
    ]);
  });

  it('suggests top-level keys too', async () => {
    expect(await problemsOf(`enviroments: {}\n${MINIMAL}`)).toEqual([
      'guardia.yaml:1:1 enviroments: unknown key "enviroments"; did you mean "environments"?',
    ]);
  });

  it('reports every problem at once, in file order', async () => {
    const problems = await problemsOf(`project: "my project"
store: postgres://db/guardia
server: { listen: "localhost:99999" }
defaults: { every: 20s, timeout: 40s }
environments:
  production:
    url: ftp://example.com
    database: mysql://db
    redis: http://cache
    probes:
      api:
        http: { url: health, method: FETCH }
        every: 500ms
        retries: 11
`);
    expect(problems).toEqual([
      'guardia.yaml:1:10 project: expected a project name made of letters, digits, "_" and "-", starting with a letter or digit, got "my project"',
      'guardia.yaml:2:8 store: PostgreSQL state store is not supported yet; use sqlite:PATH',
      'guardia.yaml:3:19 server.listen: expected HOST:PORT like "127.0.0.1:4680", got "localhost:99999" (the port must be 1-65535)',
      'guardia.yaml:4:34 defaults.timeout: expected at most every (20s), got "40s"',
      'guardia.yaml:7:10 environments.production.url: expected an absolute http(s) URL like "https://api.example.com", got "ftp://example.com"',
      'guardia.yaml:8:15 environments.production.database: expected a PostgreSQL URL like "postgres://user@host:5432/db" or "postgresql:///db?host=/run/postgresql", got "mysql://db"',
      'guardia.yaml:9:12 environments.production.redis: expected a Redis URL like "redis://host:6379", got "http://cache"',
      'guardia.yaml:12:22 environments.production.probes.api.http.url: expected a path like "/health" or an absolute http(s) URL, got "health"',
      'guardia.yaml:12:38 environments.production.probes.api.http.method: expected one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, got "FETCH"',
      'guardia.yaml:13:16 environments.production.probes.api.every: expected a duration of at least 1s, got "500ms"',
      'guardia.yaml:14:18 environments.production.probes.api.retries: expected a whole number from 0 to 10, got "11"',
    ]);
  });

  it('reports names that cannot be ids at the key', async () => {
    expect(await problemsOf(`project: demo\nenvironments:\n  "prod env": {}\n  production:\n    probes:\n      "-api": { tcp: "h:1" }\n`)).toEqual([
      'guardia.yaml:3:3 environments["prod env"]: expected an environment name made of letters, digits, "_" and "-", starting with a letter or digit, got "prod env"',
      'guardia.yaml:6:7 environments.production.probes.-api: expected a probe name made of letters, digits, "_" and "-", starting with a letter or digit, got "-api"',
    ]);
  });

  it('requires at least one environment', async () => {
    expect(await problemsOf('project: demo\nenvironments: {}\n')).toEqual([
      'guardia.yaml:2:15 environments: expected at least one environment, got an empty mapping',
    ]);
    expect(await problemsOf('project: demo\nenvironments:\n')).toEqual([
      'guardia.yaml:2:14 environments: expected a mapping of environment names to their settings, got an empty value',
    ]);
  });

  it('reports a store that is not sqlite', async () => {
    expect(await problemsOf(`store: ./state.db\n${MINIMAL}`)).toEqual([
      'guardia.yaml:1:8 store: expected sqlite:PATH like "sqlite:.guardia/guardia.db", got "./state.db"',
    ]);
  });
});

describe('loadConfig probe kinds', () => {
  it('requires one kind key, naming the choices', async () => {
    expect(await problemsOf(withProbes('      api:\n        every: 10s\n'))).toEqual([
      'guardia.yaml:7:9 environments.production.probes.api: missing what to check: add one of "http", "tcp", "postgres", "sql", "redis", "scrape", "heartbeat" or "host"',
    ]);
  });

  it('refuses two kind keys', async () => {
    expect(await problemsOf(withProbes('      api:\n        http: /health\n        tcp: "db:5432"\n'))).toEqual([
      'guardia.yaml:7:9 environments.production.probes.api: has "http" and "tcp": a probe checks one thing; keep one of "http", "tcp", "postgres", "sql", "redis", "scrape", "heartbeat" or "host"',
    ]);
  });

  it('says which kind a misplaced key belongs to', async () => {
    expect(await problemsOf(withProbes('      db:\n        tcp: db.internal:5432\n        expect: { status: 200 }\n        health: auto\n'))).toEqual([
      'guardia.yaml:8:9 environments.production.probes.db.expect: "expect" applies only to http or sql probes',
      'guardia.yaml:9:9 environments.production.probes.db.health: "health" applies only to http probes',
    ]);
  });

  it('reports problems inside the kind the probe has', async () => {
    expect(await problemsOf(withProbes('      db:\n        tcp: db.internal\n      pg:\n        tcp: { host: db, port: 0, tls: true }\n'))).toEqual([
      'guardia.yaml:7:14 environments.production.probes.db.tcp: expected HOST:PORT like "db.internal:5432", got "db.internal"',
      'guardia.yaml:9:32 environments.production.probes.pg.tcp.port: expected a whole number from 1 to 65535, got "0"',
      'guardia.yaml:9:35 environments.production.probes.pg.tcp.tls: unknown key "tls"',
    ]);
  });

  it('reports a probe that is not a mapping', async () => {
    expect(await problemsOf(withProbes('      api: /health\n'))).toEqual([
      'guardia.yaml:6:12 environments.production.probes.api: expected a mapping with one of "http", "tcp", "postgres", "sql", "redis", "scrape", "heartbeat" or "host", got "/health"',
    ]);
  });
});

describe('loadConfig http probes', () => {
  it('needs the environment url for a relative path', async () => {
    expect(await problemsOf(withProbes('      api:\n        http: /health\n      login:\n        http: { url: /login }\n', ''))).toEqual([
      'guardia.yaml:6:15 environments.production.probes.api.http: relative path "/health" needs environments.production.url',
      'guardia.yaml:8:22 environments.production.probes.login.http.url: relative path "/login" needs environments.production.url',
    ]);
  });

  it('checks expectations: status, regexes, json_path and headers', async () => {
    const problems = await problemsOf(
      withProbes(`      api:
        http: /health
        expect:
          status: [200, "7xx", 99]
          body: "(unclosed"
          headers: { "Content Type": json, X-Ok: "[" }
          json_path:
            - { path: $.a, lt: 5, gt: 3 }
            - { path: a.b, lt: x }
            - { path: $.c }
            - { path: $.d, matches: "*" }
          max_latency: fast
`),
    );
    expect(problems).toEqual([
      'guardia.yaml:9:25 environments.production.probes.api.expect.status[1]: expected an HTTP status like 200, "2xx" or "200-299", got "7xx"',
      'guardia.yaml:9:32 environments.production.probes.api.expect.status[2]: expected an HTTP status like 200, "2xx" or "200-299", got "99"',
      'guardia.yaml:10:17 environments.production.probes.api.expect.body: expected a valid regular expression, got "(unclosed" (unterminated group)',
      'guardia.yaml:11:22 environments.production.probes.api.expect.headers["Content Type"]: expected an HTTP header name like "content-type", got "Content Type"',
      'guardia.yaml:11:50 environments.production.probes.api.expect.headers.X-Ok: expected a valid regular expression, got "[" (unterminated character class)',
      'guardia.yaml:13:39 environments.production.probes.api.expect.json_path[0].gt: one condition per item: "lt" and "gt" are both set; split them into two items',
      'guardia.yaml:14:23 environments.production.probes.api.expect.json_path[1].path: expected a JSON path like "$.checks.database.status", got "a.b"',
      'guardia.yaml:14:32 environments.production.probes.api.expect.json_path[1].lt: expected a number, got "x"',
      'guardia.yaml:15:15 environments.production.probes.api.expect.json_path[2]: missing the condition: add one of equals, not_equals, lt, lte, gt, gte, matches, exists besides "path"',
      'guardia.yaml:16:37 environments.production.probes.api.expect.json_path[3].matches: expected a valid regular expression, got "*" (nothing to repeat)',
      'guardia.yaml:17:24 environments.production.probes.api.expect.max_latency: expected a duration like "10s", got "fast"',
    ]);
  });

  it('checks the request and health settings', async () => {
    const problems = await problemsOf(
      withProbes(`      api:
        http: { url: ftp://x, max_body: 10, max_redirects: 50, tls: { insecure: maybe } }
        health: sometimes
      b:
        http: /b
        health: { vocabulary: { ok: [fine] } }
`),
    );
    expect(problems).toEqual([
      'guardia.yaml:7:22 environments.production.probes.api.http.url: expected a path like "/health" or an absolute http(s) URL, got "ftp://x"',
      'guardia.yaml:7:41 environments.production.probes.api.http.max_body: expected a size like "1MiB" or "500KB", got "10"',
      'guardia.yaml:7:60 environments.production.probes.api.http.max_redirects: expected a whole number from 0 to 20, got "50"',
      'guardia.yaml:7:81 environments.production.probes.api.http.tls.insecure: expected true or false, got "maybe"',
      'guardia.yaml:8:17 environments.production.probes.api.health: expected auto, true or false, got "sometimes"',
      'guardia.yaml:11:33 environments.production.probes.b.health.vocabulary.ok: unknown key "ok"; did you mean "up"?',
    ]);
  });
});

describe('loadConfig timing cross-checks', () => {
  it('refuses a timeout or jitter longer than the interval', async () => {
    expect(await problemsOf(`${MINIMAL}        every: 10s\n        timeout: 15s\n        jitter: 1m\n`)).toEqual([
      'guardia.yaml:9:18 environments.production.probes.api.timeout: expected at most every (10s), got "15s"',
      'guardia.yaml:10:17 environments.production.probes.api.jitter: expected at most every (10s), got "1m"',
    ]);
  });

  it('compares with the interval from defaults', async () => {
    expect(await problemsOf(MINIMAL.replace('environments:', 'defaults: { every: 5s }\nenvironments:') + '        timeout: 6s\n')).toEqual([
      'guardia.yaml:9:18 environments.production.probes.api.timeout: expected at most every (5s), got "6s"',
    ]);
  });

  it('still runs cross-checks on valid probes when others are invalid', async () => {
    expect(await problemsOf(`${MINIMAL}        timeout: 1m\n      bad:\n        tcp: nope\n`)).toEqual([
      'guardia.yaml:8:18 environments.production.probes.api.timeout: expected at most every (30s), got "1m"',
      'guardia.yaml:10:14 environments.production.probes.bad.tcp: expected HOST:PORT like "db.internal:5432", got "nope"',
    ]);
  });
});

describe('loadConfig heartbeats', () => {
  it('requires exactly one of period or cron', async () => {
    expect(
      await problemsOf(withProbes('      a:\n        heartbeat: { grace: 1h }\n      b:\n        heartbeat: { period: 1d, cron: "0 2 * * *" }\n')),
    ).toEqual([
      'guardia.yaml:7:20 environments.production.probes.a.heartbeat: missing when pings are due: add "period" or "cron"',
      'guardia.yaml:9:40 environments.production.probes.b.heartbeat.cron: "period" and "cron" exclude each other; keep one',
    ]);
  });

  it('checks cron, time zone and token', async () => {
    const problems = await problemsOf(
      withProbes(`      a:
        heartbeat: { cron: "61 * * * *", timezone: Mars/Base, token: short }
      b:
        heartbeat: { period: 1d, timezone: UTC }
`),
    );
    expect(problems).toEqual([
      'guardia.yaml:7:28 environments.production.probes.a.heartbeat.cron: expected a cron expression like "0 2 * * *", got "61 * * * *" (invalid value for minute: 61)',
      'guardia.yaml:7:52 environments.production.probes.a.heartbeat.timezone: expected an IANA time zone like "Europe/Madrid", got "Mars/Base"',
      'guardia.yaml:7:70 environments.production.probes.a.heartbeat.token: expected a token of 8-128 letters, digits, "_" or "-", got "short"',
      'guardia.yaml:9:44 environments.production.probes.b.heartbeat.timezone: "timezone" applies only with "cron"',
    ]);
  });

  it('refuses a token shared by two heartbeats, without printing it', async () => {
    const problems = await problemsOf(
      `project: demo
environments:
  production:
    probes:
      a: { heartbeat: { period: 1h, token: "\${TOKEN}" } }
  staging:
    probes:
      b: { heartbeat: { period: 1h, token: "\${TOKEN}" } }
`,
      { TOKEN: 'shared-token-1234' },
    );
    expect(problems).toEqual([
      'guardia.yaml:8:44 environments.staging.probes.b.heartbeat.token: token is already used by heartbeat production/a; each heartbeat needs its own',
    ]);
  });
});
