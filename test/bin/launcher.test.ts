import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/http-target.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'guardia');
const demoConfig = join(root, 'examples', 'demo', 'guardia.yaml');

function guardia(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(bin, args, { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  // The launcher runs dist/; build it from the sources under test.
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}, 300_000);

describe('bin/guardia', () => {
  it('prints help and version with exit 0', () => {
    expect(guardia(['--help'])).toMatchObject({ code: 0 });
    expect(guardia(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('fails on bad input with one line per problem and never a stack trace', () => {
    const dir = tempDir();
    const bad = writeConfig(dir, 'project: x\nenvironments: {}\nserver: { listen: nowhere }\n');
    const binary = join(dir, 'binary.yaml');
    writeFileSync(binary, Buffer.from([0x70, 0x3a, 0x00, 0xff, 0xfe]));
    for (const args of [['validate', '-c', bad], ['validate', '-c', binary], ['status', '-c', join(dir, 'missing.yaml')]]) {
      const run = guardia(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
      expect(run.stderr.split('\n').filter(Boolean).every((line) => line.startsWith('guardia: '))).toBe(true);
    }
    expect(guardia(['validate', '-c', binary]).stderr.trim().split('\n')).toHaveLength(1);
  });

  it('runs the demo config alone, its app probes down with the reason, and stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const appPort = await freePort();
    const env = { PATH: process.env.PATH, DEMO_URL: `http://127.0.0.1:${appPort}` };
    const child = spawn(bin, ['up', '-c', demoConfig, '--listen', '127.0.0.1:0', '--data-dir', dataDir], { env });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/"probe":"demo\/health","from":"unknown","to":"down"/.test(stderr)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`guardia up exited ${code}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('guardia is up');
    expect(stderr).toContain('ECONNREFUSED');

    const status = guardia(['status', '-c', demoConfig, '--data-dir', dataDir], env);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/health\s+http\s+down\s+.*ECONNREFUSED/);
  });
});
