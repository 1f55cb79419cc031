import type { PgClient, PgClientFactory } from './pg-client.js';
import { resolvePgTarget } from './pg-connection-target.js';
import type { PgConnectionTarget, PgSystem } from './pg-connection-target.js';
import { createPgClient } from './pg-driver.js';
import { sslAttempts, worthAnotherAttempt } from './pg-ssl-attempts.js';
import { withSignal } from './with-signal.js';

export interface PgConnectionDeps {
  /** Opens clients (default: node-pg). */
  createClient?: PgClientFactory;
  /** Environment, OS user and sockets libpq would consult (default: this process's). */
  system?: PgSystem;
}

/**
 * A pool of one connection for one probe: opened on first use, kept between runs,
 * discarded when it breaks or when a run is cut short, and opened again on the next run.
 * Uses are serialized, so a manual run and a scheduled one never share the connection at once.
 */
export class PgConnection {
  private client: PgClient | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly createClient: PgClientFactory;

  constructor(
    private readonly connectionString: string,
    private readonly deps: PgConnectionDeps = {},
  ) {
    this.createClient = deps.createClient ?? createPgClient;
  }

  /** Where this connects, resolved with libpq's rules (throws on an unusable string). */
  target(): PgConnectionTarget {
    return resolvePgTarget(this.connectionString, this.deps.system);
  }

  /**
   * Runs `work` on the open connection (opening it first if needed). When `signal` aborts,
   * the connection is dropped at once (so the server stops waiting on it) and the call
   * rejects with the signal's reason. A failure that is not a server error also drops it.
   */
  use<T>(signal: AbortSignal, work: (client: PgClient) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.exclusive(signal, work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The password in use (string or `PGPASSWORD`), for masking; undefined when none or unreadable. */
  password(): string | undefined {
    try {
      return this.target().password;
    } catch {
      return undefined;
    }
  }

  /** Closes the connection, if any. */
  async close(): Promise<void> {
    await this.discard();
  }

  private async exclusive<T>(signal: AbortSignal, work: (client: PgClient) => Promise<T>): Promise<T> {
    signal.throwIfAborted();
    // Dropping the connection is what stops a connect or query that is still under way.
    const onAbort = () => void this.discard();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const reused = this.client !== undefined;
      try {
        return await withSignal(this.session(signal, work), signal);
      } catch (error) {
        // A kept connection can die unnoticed between runs (server restart, idle timeout,
        // a pooler closing it): that says nothing about the server now, so try a new one once.
        if (!reused || !this.dropIfBroken(error) || signal.aborted) throw error;
        return await withSignal(this.session(signal, work), signal);
      }
    } catch (error) {
      this.dropIfBroken(error);
      throw error;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  private async session<T>(signal: AbortSignal, work: (client: PgClient) => Promise<T>): Promise<T> {
    return work(await this.open(signal));
  }

  /** Drops the connection unless the failure was a server error on a connection that is still open. */
  private dropIfBroken(error: unknown): boolean {
    const broken = !isServerError(error) || connectionLost(error.code) || this.client === undefined;
    if (broken) void this.discard();
    return broken;
  }

  private async open(signal: AbortSignal): Promise<PgClient> {
    if (this.client) return this.client;
    const target = this.target();
    const attempts = sslAttempts(target);
    for (let index = 0; ; index++) {
      signal.throwIfAborted();
      const client = this.createClient({ ...target, ssl: attempts[index] ?? false });
      this.client = client;
      try {
        await client.connect();
        signal.throwIfAborted();
        client.onClose(() => {
          if (this.client === client) this.client = undefined;
        });
        return client;
      } catch (error) {
        if (this.client === client) this.client = undefined;
        await client.end();
        if (signal.aborted || index + 1 >= attempts.length || !worthAnotherAttempt(error)) throw error;
      }
    }
  }

  private async discard(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end();
  }
}

/** A server error (it has a SQLSTATE) leaves the connection usable; anything else may not. */
export function isServerError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}

/**
 * SQLSTATEs after which the server closes the session: connection exceptions (class 08),
 * shutdowns and terminated backends (57P01 admin, 57P02 crash, 57P03 cannot connect now,
 * 57P05 idle session timeout).
 */
function connectionLost(code: string): boolean {
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '57P05'].includes(code);
}
