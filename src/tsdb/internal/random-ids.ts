import { randomBytes } from 'node:crypto';

/** A series id: a random positive safe integer (53 bits); a clash is detected and retried on insert. */
export function newSeriesId(): number {
  const b = randomBytes(7);
  const id = ((b[6] as number) & 0x1f) * 2 ** 48 + b.readUIntBE(0, 6);
  return id === 0 ? 1 : id;
}
