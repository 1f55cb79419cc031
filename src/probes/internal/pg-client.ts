import type { ConnectionOptions } from 'node:tls';

/** The column of a result, as the server describes it. */
export interface PgField {
  name: string;
  /** Type OID, e.g. 20 for bigint, 1700 for numeric. */
  dataTypeID: number;
}

/** One statement's result; rows are arrays so duplicate column names survive. */
export interface PgResult {
  fields: PgField[];
  rows: unknown[][];
}

/** Everything needed to open one connection, already resolved the way libpq would. */
export interface PgConnectOptions {
  /** Host name, IP address, or a Unix socket directory (starts with `/`). */
  host: string;
  port: number;
  user: string;
  /** Undefined: none given, so `~/.pgpass` (`PGPASSFILE`) may still supply one. */
  password?: string;
  database: string;
  /** `false` for a plain connection, else the TLS options of an encrypted one. */
  ssl: false | ConnectionOptions;
  applicationName: string;
  /** Command-line options sent to the server (`-c key=value`). */
  options?: string;
}

/**
 * The part of a PostgreSQL connection the probes use. Defined here so that the driver's
 * types stay inside `pg-driver.ts`.
 */
export interface PgClient {
  connect(): Promise<void>;
  /** Several `;`-separated statements in one round trip (simple protocol): one result each. */
  simpleQuery(text: string): Promise<PgResult[]>;
  /** Exactly one statement (extended protocol, which refuses a second one). */
  query(text: string): Promise<PgResult>;
  /** Closes the connection; forcibly when a query or the connect is still under way. */
  end(): Promise<void>;
  /** Called once when the connection fails or closes after `connect()`. */
  onClose(listener: () => void): void;
}

/** Opens clients; tests and other drivers can supply their own. */
export type PgClientFactory = (options: PgConnectOptions) => PgClient;
