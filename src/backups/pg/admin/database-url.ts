import { UnavailableError } from '../../../errors.js';

/**
 * `url` with its database replaced, keeping host, port, user, password and parameters: a
 * `dbname` parameter (which libpq prefers to the path) is replaced in place, else the path.
 * Works for socket forms such as `postgresql:///app?host=/var/run/postgresql`.
 */
export function withDatabase(url: string, database: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Never echo the string: it may hold a password.
    throw new UnavailableError('invalid PostgreSQL connection string');
  }
  if (parsed.searchParams.has('dbname')) parsed.searchParams.set('dbname', database);
  else parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.href;
}
