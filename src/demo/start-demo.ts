import { fileURLToPath } from 'node:url';
import { systemClock } from '../clock/index.js';
import { parseListen } from '../cli/parse-listen.js';
import { runCli } from '../cli/run-cli.js';
import { startHttpServer } from '../http/index.js';
import { createDemoApp } from './demo-app.js';

/**
 * `npm start`: the demo app on 127.0.0.1:4681 (DEMO_LISTEN), a little traffic against it,
 * and `guardia up -c examples/demo/guardia.yaml` watching it. Ctrl-C stops both.
 */
async function main(): Promise<void> {
  const demo = createDemoApp(systemClock);
  const listen = parseListen(process.env.DEMO_LISTEN ?? '127.0.0.1:4681');
  const server = await startHttpServer(demo.app, listen);
  const traffic = setInterval(() => void fetch(`${server.url}/api/items`).catch(() => {}), 500);
  const config = fileURLToPath(new URL('../../examples/demo/guardia.yaml', import.meta.url));
  process.stdout.write(
    [
      `demo app:  ${server.url}  (switch modes: curl -X POST ${server.url}/switch/failing | slow | degraded | ok)`,
      `guardia:   http://127.0.0.1:4680/api/v1/status   /metrics   (Ctrl-C stops both)`,
      `status:    http://127.0.0.1:4680/status/demo   (the public status page)`,
      '',
    ].join('\n'),
  );
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  const code = await runCli(['up', '-c', config, ...process.argv.slice(2)], {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  });
  clearInterval(traffic);
  await server.close();
  process.exitCode = code;
}

void main().catch((error: unknown) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 3;
});
