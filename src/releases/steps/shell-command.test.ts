import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../clock/index.js';
import { runShell } from './shell-command.js';

describe('runShell', () => {
  const options = (timeoutMs: number, lines: string[], signal = new AbortController().signal) => ({
    cwd: process.cwd(), env: { PATH: process.env.PATH ?? '', VERSION: 'v2' }, timeoutMs, clock: systemClock, signal, line: (l: string) => lines.push(l),
  });

  it('streams each line of stdout and stderr and reports the exit status', async () => {
    const lines: string[] = [];
    expect(await runShell('echo "deploying $VERSION"; echo oops >&2; exit 3', options(60_000, lines))).toEqual({ exitCode: 3 });
    expect(lines.sort()).toEqual(['deploying v2', 'oops']);
  });

  it('kills the whole process group at the timeout, children included', async () => {
    const lines: string[] = [];
    const result = await runShell('sleep 30 & echo $!; wait', options(300, lines));
    expect(result.killed).toBe('timeout');
    const child = Number(lines[0]);
    await expect.poll(() => running(child)).toBe(false);
  });

  it('kills the group when cancelled', async () => {
    const abort = new AbortController();
    const lines: string[] = [];
    const running = runShell('echo started; sleep 30', options(60_000, lines, abort.signal));
    await expect.poll(() => lines).toEqual(['started']);
    abort.abort();
    expect((await running).killed).toBe('cancelled');
  });
});

/** Whether a pid runs (a killed child whose reaper has not collected it yet is a zombie: not running). */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}
