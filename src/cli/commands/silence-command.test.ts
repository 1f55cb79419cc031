import { describe, expect, it } from 'vitest';
import { cli } from '../../../test/support/run-cli-capture.js';
import { tempDir } from '../../../test/support/temp-dir.js';

describe('guardia silence and outbox', () => {
  it('adds, lists and expires silences with only --data-dir', async () => {
    const cwd = tempDir();
    const run = (...argv: string[]) => cli(['--data-dir', 'state', ...argv], { cwd, env: {} });
    const added = await run('silence', 'add', 'env=production', 'alertname=~High.*', '--for', '2h', '--comment', 'deploy', '--as', 'alice', '--json');
    expect(added.stderr).toBe('');
    const silence = JSON.parse(added.stdout) as { id: string; author: string; endsAt: number; startsAt: number; state: string };
    expect(silence).toMatchObject({ author: 'alice', state: 'active', matchers: [{ name: 'env', op: '=', value: 'production' }, { name: 'alertname', op: '=~', value: 'High.*' }] });
    expect(silence.endsAt - silence.startsAt).toBe(7_200_000);
    const listed = await run('silence', 'list');
    expect(listed.stdout).toMatch(new RegExp(`${silence.id}\\s+active .* alice\\s+env="production", alertname=~"High\\.\\*"\\s+deploy`));
    expect((await run('silence', 'expire', silence.id)).stdout).toMatch(/^expired silence sil_/);
    expect((await run('silence', 'list')).stdout).toBe('no silences\n');
    expect((await run('silence', 'list', '--all')).stdout).toMatch(/expired/);
  });

  it('refuses bad matchers and silences that would mute everything', async () => {
    const cwd = tempDir();
    const run = (...argv: string[]) => cli(['--data-dir', 'state', ...argv], { cwd, env: {} });
    const bad = await run('silence', 'add', 'production');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad matcher "production": expected name=value/);
    expect((await run('silence', 'add', 'env=~.*')).stderr).toMatch(/match every alert/);
    expect((await run('silence', 'expire', 'sil_nope')).stderr).toMatch(/no silence "sil_nope"/);
  });

  it('lists an empty outbox', async () => {
    const cwd = tempDir();
    const listed = await cli(['--data-dir', 'state', 'outbox', 'list', '--dead'], { cwd, env: {} });
    expect(listed).toMatchObject({ code: 0, stdout: 'no notifications\n' });
  });
});
