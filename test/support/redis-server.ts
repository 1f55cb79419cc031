import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';

const run = promisify(execFile);
const READY = /Ready to accept connections/;
const START_TIMEOUT_MS = 15_000;

/** How to start a throwaway server. */
export interface RedisServerOptions {
  /** `--requirepass` */
  password?: string;
  /** `--maxmemory`, e.g. `2mb`. */
  maxmemory?: string;
  /** Start as a replica of this server (`--replicaof`, with `--masterauth` when it has a password). */
  replicaOf?: RedisServer;
}

/** A throwaway `redis-server` on a free loopback port, with no persistence. */
export class RedisServer {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly options: RedisServerOptions,
  ) {}

  /** Starts a server; prefer `useRedisServers()`, which also removes it after the test file. */
  static async start(options: RedisServerOptions = {}): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), mkdtempSync(join(tmpdir(), 'guardia-redis-')), options);
    await server.restart();
    return server;
  }

  /** `redis://[:password@]127.0.0.1:port`. */
  get url(): string {
    const auth = this.options.password === undefined ? '' : `:${encodeURIComponent(this.options.password)}@`;
    return `redis://${auth}127.0.0.1:${this.port}`;
  }

  /** Starts the server again on the same port (after `stop()`). */
  async restart(): Promise<void> {
    if (this.child) return;
    const child = spawn('redis-server', this.args(), { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    await waitUntilReady(child, this.port);
  }

  /** Stops the server (SIGTERM) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  }

  /** Runs one command with redis-cli and returns its raw output. */
  async command(...args: string[]): Promise<string> {
    const env = this.options.password === undefined ? process.env : { ...process.env, REDISCLI_AUTH: this.options.password };
    const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(this.port), ...args], { env });
    return stdout.trim();
  }

  /** Stops the server and removes its directory. */
  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private args(): string[] {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir, '--logfile', ''];
    const { password, maxmemory, replicaOf } = this.options;
    if (password !== undefined) args.push('--requirepass', password);
    if (maxmemory !== undefined) args.push('--maxmemory', maxmemory);
    if (replicaOf) {
      args.push('--replicaof', '127.0.0.1', String(replicaOf.port));
      if (replicaOf.options.password !== undefined) args.push('--masterauth', replicaOf.options.password);
    }
    return args;
  }
}

/**
 * Starts servers for one test file and removes them all in `afterAll`, whether the tests
 * passed or not (and kills them if the worker exits first).
 */
export function useRedisServers(): (options?: RedisServerOptions) => Promise<RedisServer> {
  const servers: RedisServer[] = [];
  const killAll = () => servers.forEach((server) => void server.stop());
  process.once('exit', killAll);
  afterAll(async () => {
    process.off('exit', killAll);
    await Promise.all(servers.splice(0).map((server) => server.remove()));
  });
  return async (options) => {
    const server = await RedisServer.start(options);
    servers.push(server);
    return server;
  };
}

function waitUntilReady(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`redis-server on port ${port} not ready after ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (READY.test(output)) done();
    };
    const onExit = (code: number | null) => fail(new Error(`redis-server on port ${port} exited with ${code}:\n${output}`));
    const onError = (error: Error) => fail(new Error(`cannot start redis-server (apt-get install redis-server): ${error.message}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      // Keep draining the pipes so a chatty server never blocks on a full buffer.
      child.stdout?.resume();
      child.stderr?.resume();
    };
    const done = () => (cleanup(), resolve());
    const fail = (error: Error) => (cleanup(), child.kill('SIGKILL'), reject(error));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/** A TCP port nothing listens on (bound, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
