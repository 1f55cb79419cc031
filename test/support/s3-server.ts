import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tempDir } from './temp-dir.js';

const LISTENING = /S3rver listening on [^:]+:(\d+)/;
const START_TIMEOUT_MS = 15_000;

/** A throwaway S3-compatible server (s3rver) on loopback, storing in a temporary directory. */
export interface S3Server {
  /** `http://127.0.0.1:<port>`: use with path-style addressing. */
  endpoint: string;
  /** A bucket that exists and is empty at start. */
  bucket: string;
  /** The credentials s3rver checks signatures against, as variables for the SDK's default chain. */
  env: { AWS_ACCESS_KEY_ID: string; AWS_SECRET_ACCESS_KEY: string };
  /** Stops the server (the endpoint then refuses connections) and removes its directory. */
  stop(): Promise<void>;
}

/**
 * Starts s3rver in its own process on a free loopback port with one bucket (default `backups`).
 * It runs with `--openssl-legacy-provider` because its ListObjectsV2 continuation tokens use
 * DES, which OpenSSL 3 (Node ≥ 17) only offers through the legacy provider.
 */
export async function startS3Server(bucket = 'backups'): Promise<S3Server> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('s3rver/package.json')), 'bin', 's3rver.js');
  const directory = tempDir('guardia-s3-');
  const args = ['--openssl-legacy-provider', bin, '-d', directory, '-a', '127.0.0.1', '-p', '0', '--silent', '--configure-bucket', bucket];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await waitForPort(child);
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    env: { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' },
    stop: async () => {
      process.off('exit', kill);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`s3rver not listening after ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = LISTENING.exec(output)?.[1];
      if (port) done(Number(port));
    };
    const onExit = (code: number | null) => fail(new Error(`s3rver exited with ${code}:\n${output}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining the pipes so the server never blocks on a full buffer.
      child.stdout?.resume();
      child.stderr?.resume();
    };
    const done = (port: number) => (cleanup(), resolve(port));
    const fail = (error: Error) => (cleanup(), child.kill('SIGKILL'), reject(error));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}
