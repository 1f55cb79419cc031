import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * Throwaway PostgreSQL clusters for tests: `initdb` + `pg_ctl` in a temporary directory,
 * on a free loopback port, with the settings a test needs. As root (CI containers) every
 * server command runs as the `postgres` OS user, since initdb and postgres refuse root.
 *
 *     const cluster = await PgCluster.create({ settings: { max_connections: 5 } });
 *     afterAll(() => cluster.destroy());
 */

const run = promisify(execFile);

/** Settings for a new cluster. */
export interface PgClusterOptions {
  /** postgresql.conf settings, e.g. `{ max_connections: 5 }`. */
  settings?: Record<string, string | number | boolean>;
  /** pg_hba.conf lines put before the default `trust` ones (the first matching line wins). */
  hba?: string[];
  /** Serve TLS with a fresh self-signed certificate (CN localhost, IP 127.0.0.1). */
  ssl?: boolean;
}

/** Clusters still running, stopped if the test process exits without `destroy()`. */
const live = new Set<PgCluster>();
process.once('exit', () => {
  for (const cluster of live) cluster.destroySync();
});

export class PgCluster {
  readonly host = '127.0.0.1';
  /** Directory holding the data directory, the socket and the server log. */
  readonly baseDir: string;
  readonly dataDir: string;
  /** Unix socket directory (`?host=` in a URL). */
  readonly socketDir: string;
  private running = false;

  private constructor(
    baseDir: string,
    public port: number,
  ) {
    this.baseDir = baseDir;
    this.dataDir = join(baseDir, 'data');
    this.socketDir = baseDir;
  }

  /** Creates and starts a cluster whose superuser `postgres` logs in without a password. */
  static async create(options: PgClusterOptions = {}): Promise<PgCluster> {
    const cluster = new PgCluster(ownedTempDir(), await freePort());
    live.add(cluster);
    try {
      await asServerUser('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
      if (options.hba?.length) cluster.prependHba(options.hba);
      if (options.ssl) await cluster.makeCertificate();
      cluster.configure({ fsync: false, ...(options.ssl ? { ssl: true } : {}), ...options.settings });
      await cluster.startOnFreePort();
      return cluster;
    } catch (error) {
      await cluster.destroy();
      throw error;
    }
  }

  /** The self-signed certificate of a cluster created with `ssl: true` (for `sslrootcert`). */
  get certificateFile(): string {
    return join(this.dataDir, 'server.crt');
  }

  /** A connection string; `password` is percent-encoded into it. */
  url(database = 'postgres', user = 'postgres', password?: string): string {
    const auth = password === undefined ? user : `${encodeURIComponent(user)}:${encodeURIComponent(password)}`;
    return `postgresql://${auth}@${this.host}:${this.port}/${database}`;
  }

  /** Runs SQL as the superuser and returns the rows. */
  async query<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, database = 'postgres'): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  async start(): Promise<void> {
    await asServerUser('pg_ctl', ['-D', this.dataDir, '-l', join(this.baseDir, 'server.log'), '-w', '-t', '60', 'start']).catch((error: unknown) => {
      throw new Error(`pg_ctl start failed: ${String(error)}\n${this.logTail()}`);
    });
    this.running = true;
  }

  /** Stops the server; `immediate` is a crash as far as clients can tell. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await asServerUser('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
    this.running = false;
  }

  /** A streaming replica of this cluster (pg_basebackup -R), started on another port. */
  async createReplica(): Promise<PgCluster> {
    const replica = new PgCluster(ownedTempDir(), await freePort());
    live.add(replica);
    try {
      await asServerUser('pg_basebackup', ['-h', this.host, '-p', String(this.port), '-U', 'postgres', '-D', replica.dataDir, '-R', '-X', 'stream', '-N']);
      await replica.startOnFreePort();
      return replica;
    } catch (error) {
      await replica.destroy();
      throw error;
    }
  }

  /** Stops the server (if running) and removes every file; safe to call twice. */
  async destroy(): Promise<void> {
    if (this.running) await this.stop('immediate').catch(() => undefined);
    rmSync(this.baseDir, { recursive: true, force: true });
    live.delete(this);
  }

  /** `destroy()` for process exit, where nothing asynchronous runs any more. */
  destroySync(): void {
    if (this.running) spawnSync(...serverUserCommand('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore', env: cleanEnv() });
    this.running = false;
    rmSync(this.baseDir, { recursive: true, force: true });
    live.delete(this);
  }

  /** The server log's last lines, for failure messages. */
  logTail(lines = 20): string {
    const log = join(this.baseDir, 'server.log');
    return existsSync(log) ? readFileSync(log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';
  }

  /** Later lines of postgresql.conf win, so settings are appended. */
  private configure(settings: Record<string, string | number | boolean>): void {
    const lines = Object.entries(settings).map(([key, value]) => `${key} = ${typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : value}`);
    appendFileSync(join(this.dataDir, 'postgresql.conf'), `\n# guardia test settings\n${lines.join('\n')}\n`);
  }

  /** A port can be taken between choosing and binding it; then try another. */
  private async startOnFreePort(attempts = 3): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      this.configure({ port: this.port, listen_addresses: this.host, unix_socket_directories: this.socketDir });
      try {
        return await this.start();
      } catch (error) {
        if (attempt >= attempts || !this.logTail().includes('could not bind')) throw error;
        this.port = await freePort();
      }
    }
  }

  private prependHba(lines: string[]): void {
    const file = join(this.dataDir, 'pg_hba.conf');
    writeFileSync(file, `${lines.join('\n')}\n${readFileSync(file, 'utf8')}`);
  }

  private async makeCertificate(): Promise<void> {
    const key = join(this.dataDir, 'server.key');
    const cert = join(this.dataDir, 'server.crt');
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', key, '-out', cert,
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1']);
    chmodSync(key, 0o600);
    chownToServerUser(key);
    chownToServerUser(cert);
  }
}

/** The newest `/usr/lib/postgresql/<major>/bin` (Debian keeps it off PATH), else PATH. */
export function pgBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] === undefined ? undefined : join(root, majors[0], 'bin');
}

/** Full path of a PostgreSQL program (`pg_dump`, `initdb`…), or its bare name to find on PATH. */
export function pgBin(name: string): string {
  const dir = pgBinDir();
  return dir === undefined ? name : join(dir, name);
}

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const isRoot = process.getuid?.() === 0;

/** `[command, args]`, wrapped in `runuser -u postgres --` when running as root. */
function serverUserCommand(program: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', pgBin(program), ...args]] : [pgBin(program), args];
}

async function asServerUser(program: string, args: string[]): Promise<void> {
  await run(...serverUserCommand(program, args), { env: cleanEnv() });
}

/** The test's own PG* variables (PGUSER…) must not steer the server tools. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
}

function ownedTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guardia-pg-'));
  chownToServerUser(dir);
  return dir;
}

let serverIds: { uid: number; gid: number } | undefined;

function chownToServerUser(path: string): void {
  if (!isRoot) return;
  serverIds ??= {
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  };
  chownSync(path, serverIds.uid, serverIds.gid);
}
