/** The INFO fields the redis probe reports. */
export interface RedisInfo {
  version: string;
  role: 'master' | 'replica';
  usedMemoryBytes: number;
  /** 0 when the server has no `maxmemory` limit. */
  maxMemoryBytes: number;
  connectedClients: number;
  evictedKeys: number;
}

/**
 * Reads the reply of `INFO` (`# Section` headers and `field:value` lines, CRLF-separated).
 * A field the server does not report counts as 0 rather than failing the probe.
 */
export function parseRedisInfo(text: string): RedisInfo {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  const number = (name: string): number => {
    const value = Number(fields.get(name));
    return Number.isFinite(value) ? value : 0;
  };
  return {
    version: fields.get('redis_version') ?? 'unknown',
    // INFO still says "slave"; guardia uses the current word.
    role: fields.get('role') === 'slave' ? 'replica' : 'master',
    usedMemoryBytes: number('used_memory'),
    maxMemoryBytes: number('maxmemory'),
    connectedClients: number('connected_clients'),
    evictedKeys: number('evicted_keys'),
  };
}
