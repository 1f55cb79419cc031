import type { RedisClient, RedisConnector } from './redis-client.js';

/** How long a polite QUIT may take at shutdown before the socket is simply destroyed. */
const QUIT_GRACE_MS = 1_000;

/**
 * A `RedisClient` over node-redis. The library's own reconnect loop is off and its
 * `'error'` events are absorbed: a failure surfaces once, as the rejected command or
 * connect, and the probe decides when to reconnect (its next run). RESP2 so that
 * servers older than Redis 6 (no HELLO) work too.
 */
export const connectNodeRedis: RedisConnector = async (url, { connectTimeoutMs, signal }) => {
  if (signal.aborted) throw signal.reason;
  // Loaded on first use: most commands never talk to Redis, and node-redis takes most of a second to import.
  const { createClient } = await import('redis');
  const client = createClient({
    url,
    RESP: 2,
    disableOfflineQueue: true,
    socket: { connectTimeout: connectTimeoutMs, reconnectStrategy: false },
  });
  let broken = false;
  // Without a listener an 'error' event would crash the process; the same error also rejects the pending call.
  client.on('error', () => (broken = true));
  client.on('end', () => (broken = true));
  const destroy = () => {
    broken = true;
    if (client.isOpen) client.destroy();
  };
  signal.addEventListener('abort', destroy, { once: true });
  try {
    await client.connect();
  } catch (error) {
    destroy();
    throw error;
  } finally {
    signal.removeEventListener('abort', destroy);
  }
  if (signal.aborted) {
    destroy();
    throw signal.reason;
  }
  return {
    get usable() {
      return !broken && client.isReady;
    },
    command: (args, commandSignal) => client.sendCommand([...args], { abortSignal: commandSignal }),
    async close() {
      if (!client.isOpen) return;
      // QUIT politely, but a server that stopped answering must not hold up shutdown.
      const cap = setTimeout(destroy, QUIT_GRACE_MS);
      try {
        await client.close();
      } catch {
        destroy();
      } finally {
        clearTimeout(cap);
      }
    },
  } satisfies RedisClient;
};
