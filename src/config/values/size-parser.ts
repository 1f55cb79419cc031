import { InvalidValueError } from './invalid-value-error.js';

// Decimal units are powers of 1000 and binary units powers of 1024, as IEC 80000-13 says.
const UNIT_BYTES: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};
/** A size: a number and a unit such as B, KB, KiB, MB, MiB (case-insensitive). */
export const SIZE_PATTERN = /^(\d+(?:\.\d+)?)\s*([kmgt]i?b|b)$/i;

/** Parses `512B`, `10KB` (10 000), `1MiB` (1 048 576), `2GB`, `1GiB` into bytes. A unit is required. */
export function parseSize(text: string): number {
  const match = SIZE_PATTERN.exec(text.trim());
  if (!match) throw new InvalidValueError('a size like "1MiB" or "500KB"', text);
  const bytes = Number(match[1]) * (UNIT_BYTES[(match[2] as string).toLowerCase()] as number);
  if (!Number.isSafeInteger(Math.floor(bytes))) {
    throw new InvalidValueError('a size like "1MiB" or "500KB"', text, 'too large');
  }
  return Math.floor(bytes);
}
