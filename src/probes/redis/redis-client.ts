/**
 * What the redis probe needs of a Redis connection, so no client library's types leak
 * into the probe (and tests can drive it against a real server through any client).
 */
export interface RedisClient {
  /** Sends one command (`['SCAN', '0', 'MATCH', 'x*']`); rejects on an error reply, a lost connection or `signal`. */
  command(args: readonly string[], signal: AbortSignal): Promise<unknown>;
  /** False once the connection failed or was closed: the probe then connects afresh. */
  readonly usable: boolean;
  /** Ends the connection with QUIT, or drops it when the server does not answer promptly. Never rejects. */
  close(): Promise<void>;
}

/** How long connecting may take, and the signal that abandons it. */
export interface RedisConnectOptions {
  connectTimeoutMs: number;
  signal: AbortSignal;
}

/** Opens a connection (authenticated, database selected); rejects with the reason it could not. */
export type RedisConnector = (url: string, options: RedisConnectOptions) => Promise<RedisClient>;
