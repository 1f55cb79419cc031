import { describe, expect, it } from 'vitest';
import { resolvePgTarget } from '../../../probes/internal/pg-connection-target.js';
import { withDatabase } from './database-url.js';

const system = { env: {}, osUser: () => 'me', socketExists: () => false };

describe('withDatabase', () => {
  it('replaces the path, keeping user, password, host, port and parameters', () => {
    const url = withDatabase('postgres://app:s%40cret@db.example.com:6432/app?sslmode=require', 'guardia_verify_x');
    expect(resolvePgTarget(url, system)).toMatchObject({ user: 'app', password: 's@cret', host: 'db.example.com', port: 6432, database: 'guardia_verify_x', sslmode: 'require' });
  });

  it('works for socket forms without a host', () => {
    const url = withDatabase('postgresql:///app?host=/var/run/postgresql', 'scratch');
    expect(resolvePgTarget(url, system)).toMatchObject({ host: '/var/run/postgresql', database: 'scratch' });
  });

  it('replaces a dbname parameter, which libpq prefers to the path', () => {
    const url = withDatabase('postgresql://h/ignored?dbname=app', 'other');
    expect(resolvePgTarget(url, system).database).toBe('other');
  });

  it('encodes names that need it', () => {
    expect(resolvePgTarget(withDatabase('postgres://h/app', 'Año db'), system).database).toBe('Año db');
  });

  it('never echoes an invalid string', () => {
    expect(() => withDatabase('not a url with secret', 'x')).toThrow('invalid PostgreSQL connection string');
  });
});
