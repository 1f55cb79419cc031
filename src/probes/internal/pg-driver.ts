import { Socket } from 'node:net';
import pg from 'pg';
import type { PgClient, PgClientFactory, PgConnectOptions, PgResult } from './pg-client.js';

/** How long a polite close may take before the socket is cut. */
const GOODBYE_MS = 1_000;

/** Opens connections with node-pg; the only file that knows its API. */
export const createPgClient: PgClientFactory = (options) => new NodePgClient(options);

class NodePgClient implements PgClient {
  private readonly client: pg.Client;
  /** Our own socket, so a connect or query that hangs can be cut off (pg's end() would wait for the server). */
  private readonly socket = new Socket();
  private readonly closeListeners: (() => void)[] = [];
  private closed = false;
  private connected = false;
  private busy = 0;

  constructor(options: PgConnectOptions) {
    this.client = new pg.Client({
      stream: () => this.socket,
      host: options.host,
      port: options.port,
      user: options.user,
      ...(options.password !== undefined ? { password: options.password } : {}),
      database: options.database,
      ssl: options.ssl,
      application_name: options.applicationName,
      ...(options.options !== undefined ? { options: options.options } : {}),
    });
    // Without an 'error' listener a connection that dies while idle would crash the process.
    this.client.on('error', () => this.markClosed());
    this.client.on('end', () => this.markClosed());
  }

  async connect(): Promise<void> {
    await this.client.connect();
    this.connected = true;
  }

  async simpleQuery(text: string): Promise<PgResult[]> {
    const result: unknown = await this.busyWith(this.client.query({ text, rowMode: 'array' }));
    return (Array.isArray(result) ? result : [result]).map(toResult);
  }

  async query(text: string): Promise<PgResult> {
    // `queryMode: 'extended'` (missing from @types/pg) makes the server refuse a second statement.
    const config = { text, rowMode: 'array', queryMode: 'extended' } as pg.QueryArrayConfig;
    return toResult(await this.busyWith(this.client.query(config)));
  }

  async end(): Promise<void> {
    if (this.closed) return;
    // A server that stopped answering would never acknowledge a polite goodbye.
    if (!this.connected || this.busy > 0) {
      this.socket.destroy();
      return;
    }
    // An idle connection to a server that vanished (network cut) would wait forever for its goodbye.
    const cutOff = setTimeout(() => this.socket.destroy(), GOODBYE_MS);
    await this.client.end().catch(() => undefined);
    clearTimeout(cutOff);
  }

  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  private async busyWith<T>(work: Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await work;
    } finally {
      this.busy--;
    }
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}

function toResult(result: unknown): PgResult {
  const { fields, rows } = result as pg.QueryArrayResult;
  return { fields: (fields ?? []).map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })), rows: rows ?? [] };
}
