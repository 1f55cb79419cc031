import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';
import { runCli } from '../run-cli.js';

/** Runs `guardia --data-dir state …` in-process with `stdin` as standard input. */
async function run(cwd: string, argv: string[], stdin?: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--data-dir', 'state', ...argv], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
    cwd,
    ...(stdin === undefined ? {} : { readStdin: async () => stdin }),
  });
  return { code, stdout, stderr };
}

describe('guardia user', () => {
  it('adds, lists, changes the password of and removes users with only --data-dir', async () => {
    const cwd = tempDir();
    const added = await run(cwd, ['user', 'add', 'alice', '--role', 'operator', '--password-stdin'], 'a long enough password\n');
    expect(added).toEqual({ code: 0, stdout: 'added user "alice" (operator)\n', stderr: '' });
    expect((await run(cwd, ['user', 'list'])).stdout).toMatch(/^NAME\s+ROLE\s+CREATED\s+UPDATED\nalice\s+operator\s/);
    const listed = JSON.parse((await run(cwd, ['user', 'list', '--json'])).stdout) as { users: unknown[] };
    expect(listed.users).toEqual([expect.objectContaining({ name: 'alice', role: 'operator' })]);
    expect(JSON.stringify(listed)).not.toMatch(/password|scrypt/);
    const changed = await run(cwd, ['user', 'passwd', 'alice', '--password-stdin'], 'another long password');
    expect(changed.stdout).toBe('changed the password of "alice"; its sessions ended\n');
    expect((await run(cwd, ['user', 'remove', 'alice'])).stdout).toBe('removed user "alice"; its sessions ended\n');
    expect((await run(cwd, ['user', 'list'])).stdout).toBe('no users\n');
  });

  it('exits 2 on a bad role or a missing --password-stdin, and 1 on a short password or an existing name', async () => {
    const cwd = tempDir();
    const badRole = await run(cwd, ['user', 'add', 'alice', '--role', 'root', '--password-stdin'], 'a long enough password');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/--role "root" must be one of viewer, operator, admin/);
    const noStdin = await run(cwd, ['user', 'add', 'alice', '--role', 'viewer'], 'a long enough password');
    expect(noStdin.code).toBe(2);
    expect(noStdin.stderr).toMatch(/--password-stdin/);
    const short = await run(cwd, ['user', 'add', 'alice', '--role', 'viewer', '--password-stdin'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);
    await run(cwd, ['user', 'add', 'alice', '--role', 'viewer', '--password-stdin'], 'a long enough password');
    const again = await run(cwd, ['user', 'add', 'alice', '--role', 'admin', '--password-stdin'], 'a long enough password');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; use guardia user passwd/);
    expect((await run(cwd, ['user', 'remove', 'nobody'])).code).toBe(1);
  });
});
