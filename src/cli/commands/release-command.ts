import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { userInfo } from 'node:os';
import { ExitCode } from '../../errors.js';
import { createReleaseDeps, ReleaseService, type ReleaseRecord } from '../../releases/index.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { emit, table } from '../output.js';
import { ExitSignal } from '../run-cli.js';

type Work = (service: ReleaseService, actor: string, options: GlobalOptions) => Promise<void>;

/**
 * `guardia release <env> <version>`, `release cancel`, `approve`, `rollback` and `releases`:
 * the release pipeline on the store (no daemon needed). Step output streams to stdout as
 * `[env step] line` (to stderr with --json, which prints the record). Exit 1 when a release
 * fails or rolls back, 4 while it waits for approval.
 */
export function registerReleaseCommand(program: CommandUnknownOpts, io: CliIo): void {
  const session = (command: CommandUnknownOpts, work: Work) => openReleases(io, command.optsWithGlobals() as GlobalOptions, work);
  const release = program
    .command('release')
    .description('release a version to an environment: checks, approval, steps, watch, rollback')
    .argument('<env>', 'environment name')
    .argument('<version>', 'version to release, e.g. v1.4.2')
    .option('--wait', 'when approval is needed, wait for it and run the release here')
    .option('--override-lint <reason>', 'go past blocking migration lint findings; the reason is recorded')
    .action(async (env, version, opts, command) =>
      session(command, async (service, actor, options) => {
        for (const record of await service.reconcile()) io.stderr(`guardia: release ${record.id} was ${record.reason}\n`);
        const started = await service.start({ env, version, initiator: actor, ...(opts.overrideLint ? { overrideLint: opts.overrideLint } : {}) });
        let record = started;
        if (record.status === 'pending_approval') {
          if (!opts.wait) {
            emit(io, options, { release: record }, () => [`release ${record.id} is waiting for approval: guardia approve ${record.id} --as NAME`]);
            throw new ExitSignal(ExitCode.waiting);
          }
          io.stderr(`release ${record.id} is waiting for approval: guardia approve ${record.id} --as NAME\n`);
          record = await service.waitFor(record.id, io.signal);
        }
        finish(io, options, record);
      }),
    );
  release
    .command('cancel')
    .description('cancel a pending or running release (its current step is killed)')
    .argument('<id>', 'release id')
    .action(async (id, _opts, command) =>
      session(command, async (service, actor, options) => {
        const record = await service.cancel(id, actor);
        emit(io, options, { release: record }, () => [`release ${record.id} cancelled`]);
      }),
    );
  program
    .command('approve')
    .description('approve a release waiting for approval (--as NAME; not its initiator), then run it here')
    .argument('<id>', 'release id')
    .action(async (id, _opts, command) =>
      session(command, async (service, actor, options) => {
        const approved = await service.approve(id, actor);
        if (!service.approved(approved)) {
          emit(io, options, { release: approved }, () => [`approved by ${actor}; ${approved.id} needs more approvals`]);
          throw new ExitSignal(ExitCode.waiting);
        }
        finish(io, options, await service.waitFor(id, io.signal));
      }),
    );
  program
    .command('rollback')
    .description('run the rollback steps of an environment (PREVIOUS_VERSION: --to, or the version before the current one)')
    .argument('<env>', 'environment name')
    .option('--to <version>', 'version to roll back to')
    .action(async (env, opts, command) =>
      session(command, async (service, actor, options) => finish(io, options, await service.rollback(env, actor, opts.to))),
    );
  program
    .command('releases')
    .description('list the releases of an environment, newest first')
    .argument('<env>', 'environment name')
    .action(async (env, _opts, command) =>
      session(command, async (service, _actor, options) => {
        const releases = await service.list(env);
        emit(io, options, { releases }, () =>
          releases.length === 0 ? ['no releases'] : table([['ID', 'VERSION', 'STATUS', 'BY', 'STARTED'], ...releases.map((r) => [r.id, r.version, r.status, r.initiator, new Date(r.createdAt).toISOString()])]),
        );
      }),
    );
}

function finish(io: CliIo, options: GlobalOptions, record: ReleaseRecord): void {
  emit(io, options, { release: record }, () => [`${record.kind} ${record.id} (${record.version}): ${record.status}${record.reason ? ` — ${record.reason}` : ''}`]);
  if (record.status !== 'succeeded') throw new ExitSignal(ExitCode.failed);
}

async function openReleases(io: CliIo, options: GlobalOptions, work: Work): Promise<void> {
  const ctx = new CliContext(io, options);
  const guardia = await ctx.open();
  try {
    const listen = ctx.listen(guardia.config);
    const deps = createReleaseDeps({
      ...guardia,
      output: (line) => (options.json ? io.stderr : io.stdout)(`${line}\n`),
      baseEnv: io.env,
      externalUrl: `http://${listen.host.includes(':') ? `[${listen.host}]` : listen.host}:${listen.port}`,
    });
    await work(new ReleaseService(deps), options.as ?? (io.env.GUARDIA_USER || userInfo().username), options);
  } finally {
    await guardia.close();
  }
}
