import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDuration } from '../../src/config/index.js';

/** `guardia up` running in its own process. */
export interface GuardiaChild {
  /** Its JSON log (stderr). */
  logFile: string;
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>;
}

/** The bench's guardia.yaml: one target probed every `everyMs`, critical when down, sent to the receiver. */
export function writeAlertBenchConfig(dir: string, everyMs: number, targetUrl: string, webhookUrl: string): string {
  const file = join(dir, 'guardia.yaml');
  const every = formatDuration(everyMs);
  const timeout = formatDuration(Math.min(everyMs, 2_000));
  writeFileSync(
    file,
    `project: alert-bench
alerting:
  watchdog: false
environments:
  bench:
    probes:
      target: { http: "${targetUrl}/health", every: ${every}, timeout: ${timeout}, jitter: 0s }
    alerts:
      TargetDown: { down: target, severity: critical }
channels:
  receiver: { webhook: { url: "${webhookUrl}/alerts" } }
routes:
  - { severity: critical, channels: [receiver] }
`,
  );
  return file;
}

/** Starts `guardia up -c FILE --data-dir DIR/state` and resolves once `/readyz` answers 200. */
export async function startGuardiaChild(dir: string, configFile: string): Promise<GuardiaChild> {
  const port = await freePort();
  const logFile = join(dir, 'guardia.log');
  const entry = fileURLToPath(new URL('./guardia-up-process.js', import.meta.url));
  const argv = [entry, 'up', '-c', configFile, '--data-dir', join(dir, 'state'), '--listen', `127.0.0.1:${port}`];
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'ignore', openSync(logFile, 'w')] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await untilReady(`http://127.0.0.1:${port}/readyz`, child, exited);
  return {
    logFile,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function untilReady(url: string, child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    if (gone) throw new Error(`guardia up exited (${child.exitCode}) before it was ready; see its log`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error('guardia up was not ready within 30 s');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
