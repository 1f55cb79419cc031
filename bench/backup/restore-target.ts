import type { BenchCluster } from './bench-cluster.js';
import { rowCounts } from './bench-fixture.js';

/** A database a restore writes into, fresh for every run. */
export interface RestoreTarget {
  database: string;
  url: string;
  /** Drops the database (and whoever is connected to it). */
  drop(): Promise<void>;
  /** Drops and creates it empty, for commands that need an existing database. */
  recreate(): Promise<void>;
  /** Throws unless every table holds exactly the rows of the fixture. */
  check(): Promise<void>;
}

/** The restore target `database` on the bench cluster, checked against `expectedRows`. */
export function restoreTarget(cluster: BenchCluster, database: string, expectedRows: Record<string, number>): RestoreTarget {
  const drop = async () => void (await cluster.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  return {
    database,
    url: cluster.url(database),
    drop,
    recreate: async () => {
      await drop();
      await cluster.query(`CREATE DATABASE ${database}`);
    },
    check: async () => {
      const got = await rowCounts(cluster, database);
      const wrong = Object.entries(expectedRows).filter(([table, rows]) => got[table] !== rows);
      if (wrong.length > 0) {
        throw new Error(`${database}: ${wrong.map(([table, rows]) => `${table} has ${got[table] ?? 'no table'} rows, expected ${rows}`).join('; ')}`);
      }
    },
  };
}
