import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeConfig } from '../../../test/support/temp-dir.js';
import { IncidentRepository, IncidentService } from '../../incidents/index.js';
import { openSqliteStore, storePathInDataDir } from '../../store/index.js';
import { systemClock } from '../../clock/index.js';
import { runCli } from '../run-cli.js';

const RUNBOOK = `# Service down

Some prose, and a block that is not a step:

\`\`\`sh
echo never runs
\`\`\`

## Check the process

\`\`\`sh step
echo "checking $GUARDIA_INCIDENT"
\`\`\`

## Look at the connection

\`\`\`bash {step}
echo "connecting to $DATABASE_URL"
echo "postgres://app:hunter22@db.internal/app" >&2 # guardia:allow-secret
\`\`\`
`;

async function run(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; stdin?: string; prompt?: (q: string) => Promise<string | undefined> }) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: options.env ?? {},
    cwd: options.cwd,
    ...(options.stdin === undefined ? {} : { readStdin: async () => options.stdin as string }),
    ...(options.prompt ? { prompt: options.prompt } : {}),
  });
  return { code, stdout, stderr };
}

/** A config whose `ServiceDown` rule references runbooks/service-down.md, with a secret from the environment. */
function project(runbook = RUNBOOK) {
  const cwd = tempDir();
  mkdirSync(join(cwd, 'runbooks'));
  writeFileSync(join(cwd, 'runbooks', 'service-down.md'), runbook);
  writeConfig(cwd, ['project: demo', 'environments:', '  production:', '    database: ${DATABASE_URL}', '    alerts:', '      Dummy: { expr: "vector(1) > 2", runbook: runbooks/service-down.md }', ''].join('\n'));
  return { cwd, env: { DATABASE_URL: 'postgres://app:sup3rsecret@db.internal/app' } }; // guardia:allow-secret
}

describe('guardia runbook run', () => {
  it('runs every step with --yes, redacting secrets', async () => {
    const { cwd, env } = project();
    const result = await run(['runbook', 'run', 'service-down', '--yes'], { cwd, env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('never runs');
    expect(result.stdout).not.toContain('sup3rsecret');
    expect(result.stdout).not.toContain('hunter22');
    expect(result.stdout).toBe(
      [
        'step 1/2: Check the process',
        '  checking',
        'step 1: ok',
        'step 2/2: Look at the connection',
        '  connecting to ***',
        '  postgres://app:***@db.internal/app',
        'step 2: ok',
        'all 2 steps passed',
        '',
      ].join('\n'),
    );
  });

  it('refuses to run steps without --yes when nothing can confirm them', async () => {
    const { cwd, env } = project();
    const result = await run(['runbook', 'run', 'runbooks/service-down.md'], { cwd, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/rerun with --yes/);
    expect(result.stdout).not.toContain('checking');
  });

  it('asks before each step and stops when one is declined', async () => {
    const { cwd, env } = project();
    const result = await run(['runbook', 'run', 'service-down'], { cwd, env, stdin: 'y\nn\n' });
    expect(result.stdout).toContain('step 1 "Check the process" runs:\n  echo "checking $GUARDIA_INCIDENT"\nrun it? [y/N] ');
    expect(result.stdout).toContain('step 1: ok');
    expect(result.stdout).not.toContain('connecting to ***');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/stopped before step 2: not confirmed/);
  });

  it('asks on a terminal one step at a time', async () => {
    const { cwd, env } = project();
    const asked: string[] = [];
    const answers = ['yes', 'y'];
    const result = await run(['runbook', 'run', 'service-down'], { cwd, env, prompt: async (q) => (asked.push(q), answers.shift()) });
    expect(result.code).toBe(0);
    expect(asked.map((q) => q.split('\n')[0])).toEqual(['step 1 "Check the process" runs:', 'step 2 "Look at the connection" runs:']);
    expect(result.stdout).toContain('all 2 steps passed');
    const ended = await run(['runbook', 'run', 'service-down'], { cwd, env, prompt: async () => undefined });
    expect(ended.code).toBe(1);
    expect(ended.stderr).toMatch(/rerun with --yes/);
  });

  it('stops at the first failing step and records steps, truncated and redacted, in the incident timeline', async () => {
    const big = `# Failing\n\n## Noisy\n\n\`\`\`sh step\necho "url $DATABASE_URL"; head -c 10000 /dev/zero | tr '\\0' x\n\`\`\`\n\n## Broken\n\n\`\`\`sh step\necho broken >&2; exit 3\n\`\`\`\n\n## Never\n\n\`\`\`sh step\necho never\n\`\`\`\n`;
    const { cwd, env } = project(big);
    const store = await openSqliteStore(storePathInDataDir(join(cwd, '.guardia')));
    const repository = new IncidentRepository(store);
    const incident = await repository.create({ title: 'down', severity: 'SEV1', env: 'production', runbook: null, openedAt: 0, escalation: { round: 0, step: 0, baseMs: 0, dueMs: null } });
    await store.close();
    const result = await run(['runbook', 'run', 'service-down', '--incident', incident.id, '--yes', '--as', 'alice'], { cwd, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/runbook step 2 "Broken" failed with exit status 3/);
    expect(result.stdout).not.toContain('never');
    const again = await openSqliteStore(storePathInDataDir(join(cwd, '.guardia')));
    const detail = await new IncidentService({ repository: new IncidentRepository(again), clock: systemClock }).detail(incident.id);
    await again.close();
    const steps = detail.timeline.filter((e) => e.kind === 'runbook_step');
    expect(steps.map((e) => [e.actor, e.text])).toEqual([
      ['alice', 'runbook step 1 "Noisy" ok'],
      ['alice', 'runbook step 2 "Broken" failed (exit 3)'],
    ]);
    const first = steps[0]?.data as { output: string; command: string; exitCode: number };
    expect(first.output).toMatch(/^url \*\*\*\nx+\n… \d+ bytes omitted …\nx+$/);
    expect(Buffer.byteLength(first.output)).toBeLessThan(4200);
    expect(steps[1]?.data).toMatchObject({ command: 'echo broken >&2; exit 3', exitCode: 3, output: 'broken\n' });
  });

  it('names what is missing', async () => {
    const { cwd, env } = project();
    expect((await run(['runbook', 'run', 'nope', '--yes'], { cwd, env })).stderr).toMatch(/no runbook "nope"/);
    expect((await run(['runbook', 'run', 'service-down', '--incident', 'inc_nope', '--yes'], { cwd, env })).stderr).toMatch(/no incident "inc_nope"/);
  });
});
