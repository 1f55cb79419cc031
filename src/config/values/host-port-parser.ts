import { InvalidValueError } from './invalid-value-error.js';

/** A host and TCP port. */
export interface HostPort {
  host: string;
  port: number;
}

const BRACKETED = /^\[([0-9A-Fa-f:.]+(?:%[\w.-]+)?)\]:(\d+)$/;
const PLAIN = /^([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\d{1,3}(?:\.\d{1,3}){3})?:(\d+)$/;

/** Parses `HOST:PORT`, `[::1]:PORT`, `localhost:PORT` or `:PORT` (loopback, like --listen); the port must be 1–65535. */
export function parseHostPort(text: string, example = '127.0.0.1:4680'): HostPort {
  const trimmed = text.trim();
  const match = BRACKETED.exec(trimmed) ?? PLAIN.exec(trimmed);
  if (!match) throw new InvalidValueError(`HOST:PORT like "${example}"`, text);
  const port = parsePort(match[2] as string);
  if (port === undefined) throw new InvalidValueError(`HOST:PORT like "${example}"`, text, 'the port must be 1-65535');
  return { host: match[1] || '127.0.0.1', port };
}

/** A TCP port number 1–65535 from its decimal text, or undefined. */
export function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65_535 ? port : undefined;
}
