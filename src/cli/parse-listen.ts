import { UsageError } from '../errors.js';
import type { ListenAddress } from '../config/index.js';

/** Parses `HOST:PORT`, `[::1]:PORT` or `:PORT` (loopback). */
export function parseListen(text: string): ListenAddress {
  const match = /^(\[[0-9a-fA-F:]+\]|[^:[\]]*):(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[2]);
  if (!match || port > 65_535) {
    throw new UsageError(`--listen: expected HOST:PORT like 127.0.0.1:4680, got "${text}"`);
  }
  return { host: match[1] || '127.0.0.1', port };
}
