import type { Kysely } from 'kysely';

/** One numbered, forward-only schema change. Ids are never reused or reordered. */
export interface Migration {
  id: number;
  name: string;
  // Migrations see the schema as it was then, not today's typed Database.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>): Promise<void>;
}
