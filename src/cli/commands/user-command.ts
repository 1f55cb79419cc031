import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../../errors.js';
import { openSqliteStore } from '../../store/index.js';
import { isRole, ROLES } from '../../tokens/index.js';
import { UserService } from '../../users/index.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { ago, emit, table } from '../output.js';

/** `guardia user add|passwd|list|remove`: dashboard users; passwords only ever come from stdin. */
export function registerUserCommand(program: CommandUnknownOpts, io: CliIo): void {
  const user = program.command('user').description('manage dashboard users');
  user
    .command('add')
    .description('add a user; fails if the name exists (use passwd to change a password)')
    .argument('<name>', 'login name, e.g. alice')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--password-stdin', 'read the password from standard input')
    .action(async (name, opts, command) => {
      if (!isRole(opts.role)) throw new UsageError(`--role "${opts.role}" must be one of ${ROLES.join(', ')}`);
      const password = await readPassword(io, opts.passwordStdin);
      await withUsers(io, command.optsWithGlobals() as GlobalOptions, async (users, options) => {
        const added = await users.add(name, opts.role, password);
        emit(io, options, added, () => [`added user "${added.name}" (${added.role})`]);
      });
    });
  user
    .command('passwd')
    .description("change a user's password; ends the user's sessions")
    .argument('<name>', 'login name')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (name, opts, command) => {
      const password = await readPassword(io, opts.passwordStdin);
      await withUsers(io, command.optsWithGlobals() as GlobalOptions, async (users, options) => {
        const changed = await users.setPassword(name, password);
        emit(io, options, changed, () => [`changed the password of "${changed.name}"; its sessions ended`]);
      });
    });
  user
    .command('list')
    .description('list users (never their passwords)')
    .action(async (_opts, command) =>
      withUsers(io, command.optsWithGlobals() as GlobalOptions, async (users, options, now) => {
        const list = await users.list();
        emit(io, options, { users: list }, () =>
          list.length === 0 ? ['no users'] : table([['NAME', 'ROLE', 'CREATED', 'UPDATED'], ...list.map((u) => [u.name, u.role, ago(u.createdAt, now), ago(u.updatedAt, now)])]),
        );
      }),
    );
  user
    .command('remove')
    .description('remove a user and end its sessions')
    .argument('<name>', 'login name')
    .action(async (name, _opts, command) =>
      withUsers(io, command.optsWithGlobals() as GlobalOptions, async (users, options) => {
        const removed = await users.remove(name);
        emit(io, options, removed, () => [`removed user "${removed.name}"; its sessions ended`]);
      }),
    );
}

/** Passwords never travel on the command line, where `ps` and shell history would see them. */
async function readPassword(io: CliIo, fromStdin: boolean | undefined): Promise<string> {
  if (!fromStdin || !io.readStdin) throw new UsageError('give the password on standard input with --password-stdin');
  return (await io.readStdin()).replace(/\r?\n$/, '');
}

/** User commands need only the store: `--data-dir` alone is enough, no config required. */
async function withUsers(
  io: CliIo,
  options: GlobalOptions,
  work: (users: UserService, options: GlobalOptions, now: number) => Promise<void>,
): Promise<void> {
  const ctx = new CliContext(io, options);
  const explicitDir = options.dataDir ?? io.env.GUARDIA_DATA_DIR;
  const store = await openSqliteStore(ctx.storePath(explicitDir ? undefined : await ctx.loadConfig()));
  try {
    await work(new UserService(store, ctx.clock), options, ctx.clock.now());
  } finally {
    await store.close();
  }
}
