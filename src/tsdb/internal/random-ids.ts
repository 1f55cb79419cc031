import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 8 KB at a time: a burst of new series (thousands at start) then costs no call and no buffer each. */
const pool = Buffer.alloc(8192);
let used = pool.length;

/** The offset of `n` fresh random bytes in `pool`. */
function take(n: number): number {
  if (used + n > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += n;
  return used - n;
}

/** A series id: a random positive safe integer (53 bits); a clash is detected and retried on insert. */
export function newSeriesId(): number {
  const at = take(7);
  const id = ((pool[at + 6] as number) & 0x1f) * 2 ** 48 + pool.readUIntBE(at, 6);
  return id === 0 ? 1 : id;
}

/** Writes `n` random bytes into `target` at `offset` (chunk ids: 72 bits, so processes never collide). */
export function fillRandom(target: Buffer, offset: number, n: number): void {
  const at = take(n);
  pool.copy(target, offset, at, at + n);
}
