import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli-capture.js';
import { freePort, startTarget, type HttpTarget } from '../support/http-target.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';

let target: HttpTarget;
let dir: string;
let downPort: number;

beforeAll(async () => {
  target = await startTarget((req, res) => {
    res.writeHead(req.url === '/health' ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: req.url === '/health' ? 'healthy' : 'unhealthy' }));
  });
  downPort = await freePort();
  dir = tempDir();
  writeConfig(
    dir,
    `project: clitest
environments:
  prod:
    url: ${target.url}
    probes:
      api: { http: /health, every: 10s }
      broken: { http: /broken, every: 10s }
      port: { tcp: "127.0.0.1:${downPort}", every: 10s }
`,
  );
});
afterAll(() => target.close());

describe('guardia CLI contract', () => {
  it('prints help with exit 0 and needs no config for it', async () => {
    const run = await cli(['--help'], { cwd: tempDir() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: guardia');
    expect((await cli(['probe', '--help'], { cwd: tempDir() })).code).toBe(0);
  });

  it('exits 2 with one line for usage errors', async () => {
    for (const argv of [['--nope'], ['validate', '--nope'], ['probe', 'run'], ['frobnicate']]) {
      const run = await cli(argv, { cwd: dir });
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(run.stderr).toMatch(/^guardia: /);
    }
  });

  it('validates with options before or after the command', async () => {
    const path = join(dir, 'guardia.yaml');
    for (const argv of [['validate', '-c', path], ['-c', path, 'validate'], ['validate', '--config', path, '--json']]) {
      const run = await cli(argv, { cwd: tempDir() });
      expect(run.code, argv.join(' ')).toBe(0);
    }
    const json = await cli(['validate', '--json'], { cwd: dir });
    expect(JSON.parse(json.stdout)).toEqual({ valid: true, file: 'guardia.yaml', project: 'clitest', environments: ['prod'], probes: 3 });
    const human = await cli(['validate'], { cwd: dir });
    expect(human.stdout).toBe('guardia.yaml: valid (1 environment, 3 probes)\n');
  });

  it('reports every config problem on its own line with exit 1', async () => {
    const bad = tempDir();
    writeConfig(bad, 'project: x\nenvironments:\n  prod:\n    probes:\n      a: { http: http://x/, every: 10 }\n      b: { tcp: "h:1", evry: 5s }\n');
    const run = await cli(['validate'], { cwd: bad });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((l) => /^guardia: guardia\.yaml:\d+:\d+ environments\.prod\.probes\.[ab]/.test(l))).toBe(true);
    const json = await cli(['validate', '--json'], { cwd: bad });
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { valid: boolean; problems: { line: number; path: string }[] };
    expect(parsed.valid).toBe(false);
    expect(parsed.problems.map((p) => p.path)).toContain('environments.prod.probes.a.every');
  });

  it('names a missing config file in one line', async () => {
    const run = await cli(['status'], { cwd: tempDir() });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('guardia.yaml');
  });

  it('honours GUARDIA_CONFIG, and -c over it', async () => {
    const run = await cli(['validate'], { cwd: tempDir(), env: { GUARDIA_CONFIG: join(dir, 'guardia.yaml') } });
    expect(run.code).toBe(0);
    const flag = await cli(['validate', '-c', join(dir, 'guardia.yaml')], { cwd: tempDir(), env: { GUARDIA_CONFIG: '/nope.yaml' } });
    expect(flag.code).toBe(0);
  });

  it('prints the JSON Schema without a config', async () => {
    const run = await cli(['schema'], { cwd: tempDir() });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('properties.environments');
  });
});

describe('guardia probe run and status', () => {
  it('runs a probe now: exit 0 when up, 1 when down, and records it', async () => {
    const dataDir = tempDir();
    const up = await cli(['probe', 'run', 'prod/api', '--data-dir', dataDir, '--json'], { cwd: dir });
    expect(up.code).toBe(0);
    expect(JSON.parse(up.stdout)).toMatchObject({ probeId: 'prod/api', status: 'up' });
    const down = await cli(['probe', 'run', 'prod/broken', '--data-dir', dataDir], { cwd: dir });
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/^prod\/broken: down in \d+ ms — /);
    const tcp = await cli(['--data-dir', dataDir, 'probe', 'run', 'prod/port'], { cwd: dir });
    expect(tcp.code).toBe(1);
    expect(tcp.stdout).toContain('ECONNREFUSED');

    const status = await cli(['status', '--json', '--data-dir', dataDir], { cwd: dir });
    expect(status.code).toBe(1);
    const parsed = JSON.parse(status.stdout) as { environments: { probes: { name: string; status: string }[] }[] };
    expect(parsed.environments[0]?.probes.map((p) => [p.name, p.status])).toEqual([
      ['api', 'up'],
      ['broken', 'down'],
      ['port', 'down'],
    ]);
    expect(existsSync(join(dataDir, 'guardia.db'))).toBe(true);
  });

  it('keeps state in .guardia/ beside the config by default, GUARDIA_DATA_DIR elsewhere', async () => {
    const envDir = tempDir();
    await cli(['probe', 'run', 'prod/api'], { cwd: dir, env: { GUARDIA_DATA_DIR: envDir } });
    expect(existsSync(join(envDir, 'guardia.db'))).toBe(true);
    await cli(['probe', 'run', 'prod/api'], { cwd: dir });
    expect(existsSync(join(dir, '.guardia', 'guardia.db'))).toBe(true);
  });

  it('answers unknown probes and environments with exit 1 and the name', async () => {
    const run = await cli(['probe', 'run', 'prod/nope'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('guardia: no probe "prod/nope"; probes are named <environment>/<probe>\n');
    const bad = await cli(['probe', 'run', 'nope'], { cwd: dir });
    expect(bad.code).toBe(2);
    const env = await cli(['status', 'staging'], { cwd: dir });
    expect(env.code).toBe(1);
    expect(env.stderr).toContain('no environment "staging"');
  });
});

describe('guardia token', () => {
  it('creates, lists and revokes with only --data-dir', async () => {
    const dataDir = tempDir();
    const created = await cli(['token', 'create', 'ci', '--role', 'operator', '--data-dir', dataDir, '--json'], { cwd: tempDir() });
    expect(created.code).toBe(0);
    const token = JSON.parse(created.stdout) as { secret: string; role: string };
    expect(token.role).toBe('operator');
    const list = await cli(['token', 'list', '--json', '--data-dir', dataDir], { cwd: tempDir() });
    expect(list.stdout).not.toContain(token.secret);
    expect(JSON.parse(list.stdout)).toMatchObject({ tokens: [{ name: 'ci', role: 'operator', revokedAt: null }] });
    expect((await cli(['token', 'revoke', 'ci', '--data-dir', dataDir], { cwd: tempDir() })).stdout).toBe('revoked token "ci"\n');
    const bad = await cli(['token', 'create', 'x', '--role', 'root', '--data-dir', dataDir], { cwd: tempDir() });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('guardia: role "root" must be one of viewer, operator, admin\n');
  });
});

describe('guardia up', () => {
  it('refuses a non-loopback listener before any token exists', async () => {
    const run = await cli(['up', '--listen', '0.0.0.0:0', '--data-dir', tempDir()], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^guardia: refusing to listen on 0\.0\.0\.0:0 before any API token or dashboard user exists/);
  });

  it('exits 3 when the address is taken', async () => {
    const run = await cli(['up', '--listen', `127.0.0.1:${target.port}`, '--data-dir', tempDir()], { cwd: dir });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`cannot listen on 127.0.0.1:${target.port}: address already in use`);
  });
});
