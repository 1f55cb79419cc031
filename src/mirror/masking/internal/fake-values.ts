import type { MaskMethod } from '../../mask-rule.js';
import { FIRST_NAMES, LAST_NAMES } from './person-words.js';

/**
 * SQL expressions building fake values from `h`, the 64-hex-digit keyed hash of the original.
 * `base` is the fake; `variant` adds the rank `dup` among originals that got the same base, in a
 * shape no base has (a `.n`, ` n`, ` xn` or `-n` suffix), so that unique columns stay unique.
 * `limit` is the shortest varchar(n)/char(n) of the columns the fake goes to.
 */
export interface FakeShape {
  base: string;
  variant: string;
  /** Extra query parameters the expressions use, numbered from $1. */
  params: unknown[];
  /** Whether distinct originals must get distinct fakes even in non-unique columns. */
  alwaysDistinct: boolean;
}

type FakeKind = Extract<MaskMethod['kind'], 'email' | 'name' | 'phone' | 'hash'>;

/** The shortest length each kind needs; a shorter column is an error. */
export const MIN_LENGTH: Record<FakeKind, number> = { email: 21, name: 8, phone: 15, hash: 8 };

// 28 bits of the hash from hex position `at`, as a non-negative int.
const bits = (at: number) => `('x' || substr(h, ${at}, 7))::bit(28)::int`;

/** Fakes of one kind, fitted to `limit` characters. */
export function fakeShape(kind: FakeKind, limit: number | undefined): FakeShape {
  const room = (n: number) => (limit === undefined ? n : Math.min(n, limit));
  switch (kind) {
    case 'email': {
      // `u` + hex + `@example.invalid` (RFC 2606: never delivered); 64 bits of hash when there is room.
      const hex = room(33) - 17;
      return {
        base: `'u' || left(h, ${hex}) || '@example.invalid'`,
        variant: `'u' || left(h, ${hex} - length(dup::text) - 1) || '.' || dup || '@example.invalid'`,
        params: [],
        alwaysDistinct: true,
      };
    }
    case 'name': {
      const full = `($1::text[])[1 + ${bits(1)} % ${FIRST_NAMES.length}] || ' ' || ($2::text[])[1 + ${bits(8)} % ${LAST_NAMES.length}]`;
      return {
        base: limit === undefined ? full : `left(${full}, ${limit})`,
        variant: limit === undefined ? `base || ' ' || dup` : `left(base, ${limit} - length(dup::text) - 1) || ' ' || dup`,
        params: [FIRST_NAMES, LAST_NAMES],
        alwaysDistinct: false,
      };
    }
    case 'phone': {
      // +1 <area 200-999> 555 01xx: the 555-0100..0199 block is reserved for fiction in North America.
      const base = `'+1 ' || (200 + ${bits(1)} % 800) || ' 555 01' || lpad((${bits(8)} % 100)::text, 2, '0')`;
      return {
        base,
        variant: limit === undefined ? `base || ' x' || dup` : `left(base || ' x' || dup, ${limit})`,
        params: [],
        alwaysDistinct: true,
      };
    }
    case 'hash': {
      const hex = room(64);
      return { base: `left(h, ${hex})`, variant: `left(h, ${hex} - length(dup::text) - 1) || '-' || dup`, params: [], alwaysDistinct: true };
    }
  }
}
