import { spawn } from 'node:child_process';

export interface SpawnOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

/** Runs a process to completion; stdout and stderr come back interleaved, as a terminal shows them. */
export interface Spawn {
  run(file: string, args: readonly string[], options: SpawnOptions): Promise<{ exitCode: number; output: string }>;
}

/** The real thing, over `node:child_process`. A process that cannot start exits 127, as a shell reports it. */
export const nodeSpawn: Spawn = {
  run(file, args, options) {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      const child = spawn(file, args, { cwd: options.cwd, env: options.env, signal: options.signal, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.on('error', (error) => resolve({ exitCode: 127, output: `${Buffer.concat(chunks).toString('utf8')}${error.message}\n` }));
      child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), output: Buffer.concat(chunks).toString('utf8') }));
    });
  },
};
