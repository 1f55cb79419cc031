import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { loadText, problemsOf, removeTempDirs } from './internal/config-test-kit.js';

afterAll(removeTempDirs);

const config = (env: string) => `project: demo
environments:
  production:
${env}`;

describe('loadConfig ${VAR} interpolation', () => {
  it('reports an unset variable at the value, with how to give a default', async () => {
    expect(await problemsOf(config('    database: ${DATABASE_URL}\n'))).toEqual([
      'guardia.yaml:4:15 environments.production.database: environment variable DATABASE_URL is not set (write ${DATABASE_URL:-default} to give a default)',
    ]);
  });

  it('reports each unset variable once, with no follow-on schema problem', async () => {
    expect(await problemsOf(config('    url: ${SCHEME}://${HOST}\n'))).toEqual([
      'guardia.yaml:4:10 environments.production.url: environment variable SCHEME is not set (write ${SCHEME:-default} to give a default)',
      'guardia.yaml:4:10 environments.production.url: environment variable HOST is not set (write ${HOST:-default} to give a default)',
    ]);
  });

  it('treats an empty value for an optional setting as not set', async () => {
    const resolved = await loadText(config('    database: ${DATABASE_URL:-}\n    redis: ${REDIS_URL}\n    url: ""\n'), { REDIS_URL: '' });
    expect(resolved.environments[0]).toEqual({ name: 'production', tier: 'production', probes: [] });
    expect(resolved.secrets).toEqual([]);
  });

  it('uses the default when unset or empty', async () => {
    const text = config('    url: ${APP_URL:-https://fallback.example.com}\n    probes:\n      api: { http: /health, every: "${EVERY:-15s}" }\n');
    const unset = await loadText(text);
    expect(unset.environments[0]?.probes[0]).toMatchObject({ everyMs: 15_000, http: { url: 'https://fallback.example.com/health' } });
    const empty = await loadText(text, { APP_URL: '', EVERY: '' });
    expect(empty.environments[0]?.url).toBe('https://fallback.example.com');
  });

  it('keeps $$ as a literal $ and does not interpolate keys', async () => {
    const resolved = await loadText(
      config('    url: https://api.example.com\n    probes:\n      api:\n        http: /h\n        expect: { json: { "${NOT_A_VAR}": "$${KEPT}" } }\n'),
    );
    const probe = resolved.environments[0]?.probes[0];
    expect(probe?.kind === 'http' ? probe.http.expect.json : undefined).toEqual({ '${NOT_A_VAR}': '${KEPT}' });
  });

  it('reports a malformed reference', async () => {
    expect(await problemsOf(config('    url: "${APP_URL"\n    redis: "${1X}"\n'))).toEqual([
      'guardia.yaml:4:10 environments.production.url: unclosed "${" (write "$${" for a literal "${")',
      'guardia.yaml:5:12 environments.production.redis: malformed reference "${1X}": expected ${NAME} or ${NAME:-default}, NAME being letters, digits and "_" (write "$$" for a literal "$")',
    ]);
  });

  it('accepts numbers and booleans that come from variables', async () => {
    const resolved = await loadText(
      config(`    url: https://api.example.com
    probes:
      db: { tcp: { host: db, port: "\${PG_PORT}" }, retries: "\${RETRIES}" }
      api: { http: { url: /h, tls: { insecure: "\${INSECURE}" } } }
`),
      { PG_PORT: '6543', RETRIES: '2', INSECURE: 'true' },
    );
    expect(resolved.environments[0]?.probes[0]).toMatchObject({ retries: 2, tcp: { host: 'db', port: 6543 } });
    expect(resolved.environments[0]?.probes[1]).toMatchObject({ http: { tls: { insecure: true } } });
  });

  it('collects every non-empty value from the environment as a secret', async () => {
    const resolved = await loadText(
      config('    database: postgres://app:${PGPASSWORD}@${PGHOST}/app\n    redis: ${REDIS_URL}\n    url: ${URL:-https://x.example.com}\n'),
      { PGPASSWORD: 'pg-secret-1', PGHOST: 'db.internal', REDIS_URL: 'redis://cache:6379' },
    );
    expect(resolved.environments[0]?.database).toBe('postgres://app:pg-secret-1@db.internal/app'); // guardia:allow-secret
    expect(resolved.secrets).toEqual(['pg-secret-1', 'db.internal', 'redis://cache:6379']);
  });

  it('never prints a resolved value in a problem, only the template', async () => {
    const env = { PORT: 'not-a-port-secret', TOKEN: 'tiny', EVERY: 'sekrit-every', DB: 'mysql://root:pw-secret@db' }; // guardia:allow-secret
    const text = config(`    database: \${DB}
    probes:
      db: { tcp: { host: db, port: "\${PORT}" }, every: "\${EVERY}" }
      job: { heartbeat: { period: 1d, token: "\${TOKEN}" } }
`);
    const error = await loadText(text, env).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message.split('\n')).toEqual([
      'guardia.yaml:4:15 environments.production.database: expected a PostgreSQL URL like "postgres://user@host:5432/db" or "postgresql:///db?host=/run/postgresql", got "${DB}"',
      'guardia.yaml:6:36 environments.production.probes.db.tcp.port: expected a whole number from 1 to 65535, got "${PORT}"',
      'guardia.yaml:6:56 environments.production.probes.db.every: expected a duration like "10s", got "${EVERY}"',
      'guardia.yaml:7:46 environments.production.probes.job.heartbeat.token: expected a token of 8-128 letters, digits, "_" or "-", got "${TOKEN}"',
    ]);
    for (const value of Object.values(env)) expect(message).not.toContain(value);
  });

  it('masks a password written inside a URL in a problem', async () => {
    expect(await problemsOf(config('    redis: http://user:hunter2@cache\n'))).toEqual([
      'guardia.yaml:4:12 environments.production.redis: expected a Redis URL like "redis://host:6379", got "http://user:***@cache"',
    ]);
  });
});
