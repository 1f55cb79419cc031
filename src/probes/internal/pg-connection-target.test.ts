import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../../errors.js';
import { describeConnectionString, resolvePgTarget } from './pg-connection-target.js';
import type { PgSystem } from './pg-connection-target.js';
import { sslAttempts } from './pg-ssl-attempts.js';

function system(env: Record<string, string> = {}, sockets: string[] = []): PgSystem {
  return { env, osUser: () => 'osuser', socketExists: (path) => sockets.includes(path) };
}

describe('resolvePgTarget (libpq rules)', () => {
  it('reads a socket directory from the host parameter', () => {
    expect(resolvePgTarget('postgresql:///shop?host=/var/run/postgresql', system())).toEqual({
      host: '/var/run/postgresql',
      port: 5432,
      user: 'osuser',
      database: 'shop',
      sslmode: 'prefer',
      applicationName: 'guardia',
    });
    expect(resolvePgTarget('postgresql://%2Ftmp%2Fpg/shop', system()).host).toBe('/tmp/pg');
  });

  it('defaults the user to PGUSER, then the OS user, and the database to the user', () => {
    expect(resolvePgTarget('postgres://db.internal', system({ PGUSER: 'app' }))).toMatchObject({ user: 'app', database: 'app' });
    expect(resolvePgTarget('postgres://db.internal', system())).toMatchObject({ user: 'osuser', database: 'osuser' });
    expect(resolvePgTarget('postgres://ops@db.internal', system({ PGUSER: 'app' }))).toMatchObject({ user: 'ops' });
  });

  it('fills what the URL lacks from PG* variables, and lets the URL win', () => {
    const env = { PGHOST: 'pg.env', PGPORT: '6543', PGDATABASE: 'envdb', PGPASSWORD: 'env-secret', PGSSLMODE: 'require', PGAPPNAME: 'ops' };
    expect(resolvePgTarget('postgresql://', system(env))).toEqual({
      host: 'pg.env',
      port: 6543,
      user: 'osuser',
      password: 'env-secret',
      database: 'envdb',
      sslmode: 'require',
      applicationName: 'ops',
    });
    expect(resolvePgTarget('postgresql://u:url-secret@pg.url:5433/urldb?sslmode=disable', system(env))).toMatchObject({ // guardia:allow-secret
      host: 'pg.url',
      port: 5433,
      password: 'url-secret',
      database: 'urldb',
      sslmode: 'disable',
    });
  });

  it('lets query parameters override the URL parts, as libpq does', () => {
    const target = resolvePgTarget('postgresql://u:p@h1:1111/d1?host=h2&port=2222&user=u2&password=p2&dbname=d2&options=-c%20work_mem%3D4MB', system()); // guardia:allow-secret
    expect(target).toMatchObject({ host: 'h2', port: 2222, user: 'u2', password: 'p2', database: 'd2', options: '-c work_mem=4MB' });
  });

  it('uses a local socket when no host is given, like libpq, else localhost', () => {
    expect(resolvePgTarget('postgresql:///db', system({}, ['/var/run/postgresql/.s.PGSQL.5432'])).host).toBe('/var/run/postgresql');
    expect(resolvePgTarget('postgresql:///db?port=5433', system({}, ['/tmp/.s.PGSQL.5433'])).host).toBe('/tmp');
    expect(resolvePgTarget('postgresql:///db', system()).host).toBe('localhost');
  });

  it('reads IPv6 hosts and percent-encoded credentials', () => {
    expect(resolvePgTarget('postgres://a%40b:p%2Fw@[::1]:5432/db', system())).toMatchObject({ host: '::1', user: 'a@b', password: 'p/w' }); // guardia:allow-secret
  });

  it('refuses a bad sslmode or port without echoing the string', () => {
    expect(() => resolvePgTarget('postgres://u:topsecret@h/db?sslmode=sometimes', system())).toThrow(UnavailableError); // guardia:allow-secret
    expect(() => resolvePgTarget('postgres://u:topsecret@h/db?sslmode=sometimes', system())).toThrow( // guardia:allow-secret
      'invalid sslmode "sometimes"; expected one of disable, allow, prefer, require, verify-ca, verify-full',
    );
    expect(() => resolvePgTarget('postgres://u:topsecret@h/db?port=0', system())).toThrow('invalid port "0" in the connection string'); // guardia:allow-secret
  });

  it('describes a target without its password', () => {
    expect(describeConnectionString('postgres://app:s3cret@db:5432/shop', system())).toBe('postgres://app@db:5432/shop'); // guardia:allow-secret
    expect(describeConnectionString('postgresql:///shop?host=/run/postgresql', system({ PGUSER: 'app' }))).toBe('postgres://app@/run/postgresql:5432/shop');
    expect(describeConnectionString('postgres://app:s3cret@db/shop?sslmode=bad', system())).toBe('invalid connection string'); // guardia:allow-secret
  });
});

describe('sslAttempts (libpq sslmode)', () => {
  const target = (sslmode: string, extra: Record<string, string> = {}) =>
    resolvePgTarget(`postgres://db/x?${new URLSearchParams({ sslmode, ...extra })}`, system());
  const readFile = (path: string) => `contents of ${path}`;

  it('orders plain and TLS attempts by mode, verifying certificates only in verify modes', () => {
    expect(sslAttempts(target('disable'))).toEqual([false]);
    expect(sslAttempts(target('allow'))).toEqual([false, { rejectUnauthorized: false }]);
    expect(sslAttempts(target('prefer'))).toEqual([{ rejectUnauthorized: false }, false]);
    expect(sslAttempts(target('require'))).toEqual([{ rejectUnauthorized: false }]);
    expect(sslAttempts(target('verify-full'))).toEqual([{ rejectUnauthorized: true }]);
    const [verifyCa] = sslAttempts(target('verify-ca', { sslrootcert: '/ca.pem' }), readFile);
    expect(verifyCa).toMatchObject({ rejectUnauthorized: true, ca: 'contents of /ca.pem' });
    expect((verifyCa as { checkServerIdentity?: () => unknown }).checkServerIdentity?.()).toBeUndefined();
  });

  it('verifies the chain under require once a root certificate is given, as libpq does', () => {
    const [tls] = sslAttempts(target('require', { sslrootcert: '/ca.pem' }), readFile);
    expect(tls).toMatchObject({ rejectUnauthorized: true, ca: 'contents of /ca.pem', checkServerIdentity: expect.any(Function) });
  });

  it('sends client certificates and never uses TLS over a Unix socket', () => {
    expect(sslAttempts(target('verify-full', { sslcert: '/c.pem', sslkey: '/k.pem' }), readFile)).toEqual([
      { cert: 'contents of /c.pem', key: 'contents of /k.pem', rejectUnauthorized: true },
    ]);
    expect(sslAttempts(resolvePgTarget('postgresql:///x?host=/run/pg&sslmode=require', system()))).toEqual([false]);
  });
});
