import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort, pgBin } from '../../test/support/pg-cluster.js';

const run = promisify(execFile);

/**
 * Settings every contender shares. Tuned for bulk loads, which favours the restores of all
 * contenders alike; the bench compares commands, not server configurations.
 */
export const CLUSTER_SETTINGS: Record<string, string | number | boolean> = {
  fsync: false,
  synchronous_commit: false,
  full_page_writes: false,
  max_wal_size: '4GB',
  checkpoint_timeout: '30min',
  maintenance_work_mem: '256MB',
  shared_buffers: '512MB',
  log_min_messages: 'warning',
};

/** The bench's PostgreSQL 15 cluster, kept in a directory between runs so its data is built once. */
export interface BenchCluster {
  port: number;
  /** `postgresql://postgres@127.0.0.1:PORT/database` (trust authentication). */
  url(database: string): string;
  /** Runs SQL as the superuser and returns the rows. */
  query<T extends Record<string, unknown>>(sql: string, database?: string): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * Starts the cluster whose data directory is `dir/data`, creating it with `initdb` when absent,
 * on a free loopback port. As root every server command runs as the `postgres` OS user.
 */
export async function startBenchCluster(dir: string, log: (line: string) => void): Promise<BenchCluster> {
  const base = resolve(dir);
  const dataDir = join(base, 'data');
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`cluster: initdb ${dataDir}`);
    rmSync(base, { recursive: true, force: true });
    mkdirSync(base, { recursive: true });
    chownToServerUser(base);
    await asServerUser('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const lines = Object.entries(CLUSTER_SETTINGS).map(([key, value]) => `${key} = ${typeof value === 'string' ? `'${value}'` : value}`);
    appendFileSync(join(dataDir, 'postgresql.conf'), `\n# guardia bench settings\n${lines.join('\n')}\n`);
  }
  // A bench killed earlier may have left its server running on this directory.
  if (existsSync(join(dataDir, 'postmaster.pid'))) await asServerUser('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${base}`;
  const logFile = join(base, 'server.log');
  await asServerUser('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '120', 'start']).catch((error: unknown) => {
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-15).join('\n') : '';
    throw new Error(`pg_ctl start failed: ${String(error)}\n${tail}`);
  });
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    query: async <T extends Record<string, unknown>>(sql: string, database = 'postgres') => {
      const client = new pg.Client({ connectionString: url(database) });
      await client.connect();
      try {
        return (await client.query<T>(sql)).rows;
      } finally {
        await client.end();
      }
    },
    stop: () => asServerUser('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']),
  };
}

const isRoot = process.getuid?.() === 0;

async function asServerUser(program: string, args: string[]): Promise<void> {
  const [command, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', pgBin(program), ...args]] : [pgBin(program), args];
  // The caller's PG* variables must not steer the server tools.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
  await run(command, argv, { env });
}

function chownToServerUser(path: string): void {
  if (!isRoot) return;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(path, id('-u'), id('-g'));
}
