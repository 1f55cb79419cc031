import { GOT } from '../../../problems/path-problem.js';
import { urlField } from '../../internal/url-field.js';

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

/** A `postgres://` or `postgresql://` connection string whose `sslmode`, if any, is one libpq knows. */
export function postgresUrlField() {
  return urlField(['postgres:', 'postgresql:'], 'a PostgreSQL URL like "postgres://user@host:5432/db" or "postgresql:///db?host=/run/postgresql"').refine(
    (text) => {
      const sslmode = new URL(text).searchParams.get('sslmode');
      return sslmode === null || SSL_MODES.includes(sslmode);
    },
    { error: `expected sslmode to be one of ${SSL_MODES.join(', ')}${GOT}`, abort: true },
  );
}
