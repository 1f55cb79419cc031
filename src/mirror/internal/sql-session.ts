import pg from 'pg';
import { GuardiaError, MirrorFailedError, UnavailableError } from '../../errors.js';
import { describeConnectionString } from '../../probes/index.js';
import { resolvePgTarget } from '../../probes/internal/pg-connection-target.js';
import { sslAttempts, worthAnotherAttempt } from '../../probes/internal/pg-ssl-attempts.js';

/**
 * Opens one node-pg connection to `url` with libpq's rules (PG* variables, sockets, sslmode),
 * runs `work` and closes it. Failing to connect is `UnavailableError` (exit 3) naming the
 * target without its password.
 */
export async function withSqlSession<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(url);
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function connect(url: string): Promise<pg.Client> {
  const where = describeConnectionString(url);
  const target = resolvePgTarget(url);
  const attempts = sslAttempts(target);
  for (let index = 0; ; index++) {
    const client = new pg.Client({
      host: target.host, port: target.port, user: target.user, database: target.database, ssl: attempts[index] ?? false,
      application_name: 'guardia mirror',
      ...(target.password !== undefined ? { password: target.password } : {}),
      ...(target.options !== undefined ? { options: target.options } : {}),
    });
    // Without an 'error' listener a connection that dies while idle would crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (index + 1 < attempts.length && worthAnotherAttempt(error)) continue;
      const reason = error instanceof Error ? error.message : String(error);
      throw new UnavailableError(`cannot connect to ${where}: ${hide(reason, target.password)}`, { cause: error });
    }
  }
}

/** A failed statement as a `MirrorFailedError` saying what was being done; guardia errors pass as they are. */
export function statementFailed(what: string, error: unknown): GuardiaError {
  if (error instanceof GuardiaError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new MirrorFailedError(`${what}: ${reason}`, { cause: error });
}

function hide(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('***') : text;
}
