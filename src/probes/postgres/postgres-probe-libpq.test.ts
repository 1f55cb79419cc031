import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PgCluster } from '../../../test/support/pg-cluster.js';
import { postgresSpec, runProbe } from '../internal/pg-test-kit.js';
import { PostgresProbe } from './postgres-probe.js';

let cluster: PgCluster;
const probes: PostgresProbe[] = [];

beforeAll(async () => {
  cluster = await PgCluster.create({
    ssl: true,
    hba: ['hostnossl all tlsonly 127.0.0.1/32 reject', 'hostssl all plainonly 127.0.0.1/32 reject'],
  });
  await cluster.query('create role tlsonly login; create role plainonly login');
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(probes.splice(0).map((p) => p.close()));
});

afterAll(() => cluster?.destroy());

/** Runs a probe and reports its status, and whether its session used TLS (when it connected). */
async function check(url: string): Promise<{ status: string; reason: string; tls?: boolean }> {
  const name = `libpq_${probes.length}`;
  const probe = new PostgresProbe(postgresSpec(`${url}${url.includes('?') ? '&' : '?'}application_name=${name}`, { stats: false }));
  probes.push(probe);
  const { status, reason } = await runProbe(probe);
  if (status === 'down') return { status, reason };
  const [row] = await cluster.query<{ ssl: boolean }>(`select ssl from pg_stat_ssl join pg_stat_activity using (pid) where application_name = '${name}'`);
  return { status, reason, tls: row?.ssl ?? false };
}

describe('PostgresProbe connection strings, as libpq reads them', () => {
  it('connects through a Unix socket given as ?host=', async () => {
    expect(await check(`postgresql:///postgres?host=${cluster.socketDir}&port=${cluster.port}&user=postgres`)).toEqual({ status: 'up', reason: 'connected', tls: false });
  });

  it('takes host, port and user from PGHOST, PGPORT and PGUSER', async () => {
    vi.stubEnv('PGHOST', cluster.socketDir);
    vi.stubEnv('PGPORT', String(cluster.port));
    vi.stubEnv('PGUSER', 'plainonly');
    expect(await check('postgresql:///postgres')).toMatchObject({ status: 'up' });
    vi.stubEnv('PGUSER', 'nobody_here');
    expect(await check('postgresql:///postgres')).toEqual({ status: 'down', reason: 'role "nobody_here" does not exist' });
  });

  it('uses TLS when the server offers it (sslmode prefer, the default) and falls back when the server refuses it', async () => {
    expect(await check(cluster.url())).toMatchObject({ status: 'up', tls: true });
    expect(await check(cluster.url('postgres', 'plainonly'))).toMatchObject({ status: 'up', tls: false });
  });

  it('tries TLS after a refused plain connection with sslmode allow', async () => {
    expect(await check(`${cluster.url('postgres', 'tlsonly')}?sslmode=allow`)).toMatchObject({ status: 'up', tls: true });
    expect(await check(`${cluster.url('postgres', 'plainonly')}?sslmode=allow`)).toMatchObject({ status: 'up', tls: false });
  });

  it('never uses TLS with sslmode disable, also when PGSSLMODE says so', async () => {
    const refused = `pg_hba.conf rejects connection for host "127.0.0.1", user "tlsonly", database "postgres", no encryption`;
    expect(await check(`${cluster.url('postgres', 'tlsonly')}?sslmode=disable`)).toEqual({ status: 'down', reason: refused });
    vi.stubEnv('PGSSLMODE', 'disable');
    expect(await check(cluster.url('postgres', 'tlsonly'))).toEqual({ status: 'down', reason: refused });
  });

  it('encrypts without checking the certificate under require, and checks it under verify-full', async () => {
    expect(await check(`${cluster.url()}?sslmode=require`)).toMatchObject({ status: 'up', tls: true });
    expect(await check(`${cluster.url()}?sslmode=verify-full`)).toEqual({ status: 'down', reason: 'TLS: self-signed certificate' });
    expect(await check(`${cluster.url()}?sslmode=verify-full&sslrootcert=${cluster.certificateFile}`)).toMatchObject({ status: 'up', tls: true });
    expect(await check(`${cluster.url()}?sslmode=verify-ca&sslrootcert=${cluster.certificateFile}`)).toMatchObject({ status: 'up', tls: true });
  });

  it('ignores sslmode over a Unix socket, as libpq does', async () => {
    expect(await check(`postgresql:///postgres?host=${cluster.socketDir}&port=${cluster.port}&user=postgres&sslmode=require`)).toMatchObject({
      status: 'up',
      tls: false,
    });
  });
});
