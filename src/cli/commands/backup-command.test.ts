import { Command, CommanderError } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import type { BackupListing, BackupService, BackupTarget, DrillReport, RestoreOptions, VerificationReport } from '../../backups/backup-service.js';
import type { ResolvedConfig } from '../../config/index.js';
import { ExitCode, exitCodeOf, RefusedError } from '../../errors.js';
import type { CliIo } from '../cli-io.js';
import { ExitSignal } from '../run-cli.js';
import { registerBackupCommand } from './backup-command.js';
import { restoreLines } from './backup-output.js';
import { registerDrCommand } from './dr-command.js';

const LISTING: BackupListing = {
  id: '20261122T020000Z-3f9a', environment: 'production', database: 'app', startedAt: '2026-11-22T02:00:00.000Z', endedAt: '2026-11-22T02:00:04.500Z',
  rawBytes: 10 * 1024 * 1024, storedBytes: 2 * 1024 * 1024, encrypted: true, status: 'unverified', statusReason: 'encrypted and no verify identity configured',
  repositories: ['file:./backups'],
};

function report(passed: boolean): VerificationReport {
  return {
    backupId: LISTING.id, environment: 'production', database: 'app', startedAt: '2026-11-22T03:00:00.000Z', endedAt: '2026-11-22T03:00:09.000Z',
    passed, restoreMs: 7_000, checks: [{ name: 'checksums', passed: true, detail: '12 files' }, { name: 'row_count public.bookings', passed, detail: passed ? '42 rows' : '41 rows, manifest says 42' }],
  };
}

/** A BackupService that records the calls and answers from fixtures: the commands' layer under test, not the backups. */
function fakeService(overrides: Partial<BackupService> = {}) {
  const calls: { method: string; args: unknown[] }[] = [];
  const record = <T>(method: string, answer: T) => (...args: unknown[]) => {
    calls.push({ method, args });
    return Promise.resolve(answer);
  };
  const drill: DrillReport = {
    id: 'drill_1', environment: 'production', database: 'app', backupId: LISTING.id, startedAt: '2026-11-22T05:00:00.000Z', endedAt: '2026-11-22T05:01:00.000Z',
    passed: true, rtoMs: 60_000, rtoObjectiveMs: 4 * 3_600_000, rpoMs: 3 * 3_600_000, rpoObjectiveMs: 24 * 3_600_000, checks: [{ name: 'rto', passed: true, detail: '1m0s ≤ 4h' }],
    markdown: '# drill', reportFile: '/data/drills/production/drill_1.md',
  };
  const service: BackupService = {
    run: record('run', [LISTING]),
    list: record('list', [LISTING]),
    show: record('show', { ...LISTING, manifest: { files: [], tables: [], serverVersion: 150010, clientVersion: '15.10', compression: 'zstd' }, verifications: [], restoreCommand: 'guardia backup restore production --id x --to URL' } as never),
    verify: record('verify', report(true)),
    restore: record('restore', { backupId: LISTING.id, target: 'localhost:5432/copy', created: true, streamed: false, downloadMs: 1_000, restoreMs: 3_000, totalMs: 4_200 }),
    prune: record('prune', [
      { id: 'b2', startedAt: '2026-11-22T02:00:00.000Z', keep: true, reasons: ['last 1', 'newest verified'] },
      { id: 'b1', startedAt: '2026-11-21T02:00:00.000Z', keep: false, reasons: [] },
    ]),
    drill: record('drill', drill),
    drills: record('drills', [drill]),
    running: record('running', []),
    ...overrides,
  };
  return { service, calls };
}

async function run(argv: string[], service: BackupService, env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, cwd: '/work' };
  const config = { environments: [{ name: 'production', probes: [], backups: {} }, { name: 'staging', probes: [] }] } as unknown as ResolvedConfig;
  const program = new Command().option('--json').option('--yes').exitOverride();
  let closed = 0;
  const open = async (_io: CliIo, _options: unknown, work: (s: { service: BackupService; config: ResolvedConfig }) => Promise<void>) => {
    try {
      await work({ service, config });
    } finally {
      closed++;
    }
  };
  registerBackupCommand(program, io, open);
  registerDrCommand(program, io, open);
  for (const command of program.commands) for (const sub of command.commands) sub.exitOverride();
  let code: number = ExitCode.ok;
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    code = error instanceof ExitSignal ? error.exitCode : error instanceof CommanderError ? ExitCode.usage : exitCodeOf(error);
    if (!(error instanceof ExitSignal) && !(error instanceof CommanderError)) stderr += `guardia: ${(error as Error).message}\n`;
  }
  return { code, stdout, stderr, closed };
}

describe('guardia backup', () => {
  it('runs a backup, prints progress once per phase on stderr and the summary on stdout', async () => {
    const { service } = fakeService({
      run: (_env, options) => {
        for (const phase of ['dump', 'dump', 'upload']) options?.onProgress?.({ operation: 'backup', environment: 'production', database: 'app', phase, bytes: 0, tables: 0, totalTables: 3 });
        return Promise.resolve([LISTING]);
      },
    });
    const result = await run(['backup', 'run', 'production', '--database', 'app'], service);
    expect(result).toMatchObject({ code: 0, closed: 1 });
    expect(result.stderr).toBe('backup production/app dump… (3 tables)\nbackup production/app upload… (3 tables)\n');
    expect(result.stdout).toBe(
      'backed up production/app: 20261122T020000Z-3f9a, 2.0 MB stored (10.0 MB raw) in 4.5s, unverified (encrypted and no verify identity configured)\n',
    );
  });

  it('passes the database and prints {"backups": […]} with --json', async () => {
    const { service, calls } = fakeService();
    const result = await run(['backup', 'list', 'production', '--database', 'app', '--json'], service);
    expect(JSON.parse(result.stdout)).toEqual({ backups: [LISTING] });
    expect(calls).toEqual([{ method: 'list', args: ['production', { database: 'app' }] }]);
  });

  it('lists every environment with backups when none is named, as a table', async () => {
    const { service, calls } = fakeService();
    const result = await run(['backup', 'list'], service);
    expect(calls.map((c) => c.args[0])).toEqual(['production']);
    expect(result.stdout.split('\n')[0]).toMatch(/^ENV\s+ID\s+DATABASE\s+STARTED\s+SIZE\s+STATUS$/);
    expect(result.stdout).toContain('production  20261122T020000Z-3f9a  app       2026-11-22T02:00:00.000Z  2.0 MB  unverified');
  });

  it('verifies --latest and exits 1 when a check fails', async () => {
    const passing = fakeService();
    expect((await run(['backup', 'verify', 'production', '--latest'], passing.service)).code).toBe(0);
    expect(passing.calls[0]?.args[1]).toEqual({ latest: true } satisfies BackupTarget);
    const failing = fakeService({ verify: () => Promise.resolve(report(false)) });
    const result = await run(['backup', 'verify', 'production', '--id', LISTING.id, '--json'], failing.service);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ passed: false, backupId: LISTING.id });
  });

  it('needs exactly one of --id and --latest (exit 2)', async () => {
    const { service } = fakeService();
    expect((await run(['backup', 'verify', 'production'], service)).code).toBe(2);
    expect((await run(['backup', 'restore', 'production', '--id', 'x', '--latest', '--to', 'postgres://h/db'], service)).code).toBe(2);
  });

  it('restores with --yes, the identity from BACKUP_AGE_IDENTITY_FILE (relative to the working directory) and --tables', async () => {
    const { service, calls } = fakeService();
    const result = await run(['backup', 'restore', 'production', '--latest', '--to', 'postgres://h/copy', '--yes', '--tables', 'a, b'], service, { BACKUP_AGE_IDENTITY_FILE: 'keys/age.txt' });
    expect(result.code).toBe(0);
    const options = calls[0]?.args[2] as RestoreOptions;
    expect(options).toMatchObject({ to: 'postgres://h/copy', yes: true, identityFile: '/work/keys/age.txt', tables: ['a', 'b'] });
    expect(result.stdout).toBe('restored 20261122T020000Z-3f9a into localhost:5432/copy (created) in 4.2s (download 1.0s, restore 3.0s)\n');
  });

  it('names the phases of a streamed restore by what they did', () => {
    const report = { backupId: 'b1', target: 'localhost:5432/copy', created: false, streamed: true, downloadMs: 11_100, restoreMs: 1_600, totalMs: 12_900 };
    expect(restoreLines(report)).toEqual(['restored b1 into localhost:5432/copy in 12.9s (data streamed in 11.1s, then indexes and constraints 1.6s)']);
  });

  it('prefers --identity and reports a refused non-empty target with exit 1', async () => {
    const { service, calls } = fakeService({
      restore: (...args) => {
        calls.push({ method: 'restore', args });
        return Promise.reject(new RefusedError('localhost:5432/app is not empty (12 MB): add --yes to restore over it'));
      },
    });
    const result = await run(['backup', 'restore', 'production', '--id', 'x', '--to', 'postgres://h/app', '--identity', '/k'], service, { BACKUP_AGE_IDENTITY_FILE: '/other' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('guardia: localhost:5432/app is not empty (12 MB): add --yes to restore over it\n');
    expect(calls[0]?.args[2]).toMatchObject({ yes: false, identityFile: '/k' });
  });

  it('prunes with --dry-run and says what would go', async () => {
    const { service, calls } = fakeService();
    const result = await run(['backup', 'prune', 'production', '--dry-run'], service);
    expect(calls[0]?.args).toEqual(['production', { dryRun: true }]);
    expect(result.stdout).toContain('b1  2026-11-21T02:00:00.000Z  would delete');
    expect(result.stdout).toContain('would delete 1 of 2 backups');
  });
});

describe('guardia dr', () => {
  it('runs a drill and prints the objectives and the report path', async () => {
    const { service } = fakeService();
    const result = await run(['dr', 'drill', 'production'], service);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'drill passed: production/app from 20261122T020000Z-3f9a\nRTO 1m0s (objective 4h0m), RPO 3h0m (objective 24h0m)\n  ok   rto: 1m0s ≤ 4h\nreport: /data/drills/production/drill_1.md\n',
    );
  });

  it('exits 1 when the drill fails', async () => {
    const failed = { ...(await fakeService().service.drill('production')), passed: false };
    const { service } = fakeService({ drill: () => Promise.resolve(failed) });
    expect((await run(['dr', 'drill', 'production', '--json'], service)).code).toBe(1);
  });

  it('lists past drills with --json under "drills"', async () => {
    const { service, calls } = fakeService();
    const result = await run(['dr', 'drills', 'production', '--json', '--limit', '5'], service);
    expect(JSON.parse(result.stdout)).toMatchObject({ drills: [{ id: 'drill_1' }] });
    expect(calls.at(-1)?.args).toEqual(['production', { limit: 5 }]);
  });
});
