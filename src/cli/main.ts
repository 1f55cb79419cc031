import { readFileSync } from 'node:fs';
import { runCli } from './run-cli.js';
import { askLine } from './tty-prompt.js';

/** Entry point of `bin/guardia`. */
async function main(): Promise<void> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const code = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
    readStdin: async () => readFileSync(0, 'utf8'),
    ...(process.stdin.isTTY ? { prompt: askLine } : {}),
  });
  process.exitCode = code;
}

void main();
