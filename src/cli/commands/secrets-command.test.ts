import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLANTED_SECRETS } from '../../../test/fixtures/secrets/planted-corpus.js';
import { cli } from '../../../test/support/run-cli-capture.js';
import { tempDir } from '../../../test/support/temp-dir.js';

const S = PLANTED_SECRETS;

/** A project with two leaking files and one clean file, and no guardia.yaml. */
function project(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'config', '.env'), `# keys\nAWS_ACCESS_KEY_ID=${S.awsKeyId}\nNPM_TOKEN=${S.npmToken}\n`);
  writeFileSync(join(dir, 'deploy'), `#!/bin/sh\nexport STRIPE_KEY=${S.stripeLive}\n`);
  writeFileSync(join(dir, 'README.md'), 'Set API_TOKEN=${API_TOKEN}\n');
  return dir;
}

describe('guardia secrets scan', () => {
  it('prints one masked line per finding, a summary on stderr, and exits 1, without any guardia.yaml', async () => {
    const run = await cli(['secrets', 'scan'], { cwd: project() });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        `config/.env:2 aws-access-key-id AKIA${'*'.repeat(12)}CYK2`,
        `config/.env:3 npm-token npm_${'*'.repeat(32)}VJsS`,
        `deploy:2 stripe-secret-key sk_l${'*'.repeat(24)}UoUi`,
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe('3 findings in 2 files (3 files scanned)\n');
    for (const secret of [S.awsKeyId, S.npmToken, S.stripeLive]) expect(run.stdout).not.toContain(secret);
  });

  it('exits 0 on clean paths and never reads guardia.yaml, even a broken one', async () => {
    const dir = project();
    writeFileSync(join(dir, 'guardia.yaml'), 'project: [unclosed\n');
    const run = await cli(['secrets', 'scan', 'README.md'], { cwd: dir });
    expect(run).toEqual({ code: 0, stdout: '', stderr: '0 findings in 0 files (1 file scanned)\n' });
  });

  it('prints the documented JSON shape with --json, before or after the paths', async () => {
    const run = await cli(['secrets', 'scan', 'deploy', '--json'], { cwd: project() });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      findings: [{ file: 'deploy', line: 2, column: 19, rule: 'stripe-secret-key', title: 'Stripe secret or restricted key (live or test)', masked: expect.stringMatching(/^sk_l\*+UoUi$/) }],
      scanned: 1,
      skipped: { binary: 0, tooLarge: 0, symlink: 0, unreadable: 0 },
    });
    const before = await cli(['--json', 'secrets', 'scan', 'README.md'], { cwd: project() });
    expect(JSON.parse(before.stdout)).toEqual({ findings: [], scanned: 1, skipped: { binary: 0, tooLarge: 0, symlink: 0, unreadable: 0 } });
  });

  it('exits 2 with one line for a path that does not exist', async () => {
    const run = await cli(['secrets', 'scan', 'deploy', 'nope'], { cwd: project() });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'guardia: no such file or directory: nope\n' });
  });

  it('documents the allow comment in its help', async () => {
    const run = await cli(['secrets', 'scan', '--help'], { cwd: project() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('guardia:allow-secret');
  });

  it('exits 2 on an unknown option', async () => {
    const run = await cli(['secrets', 'scan', '--entropy', '3'], { cwd: project() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^guardia: unknown option '--entropy'/);
  });
});
