import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { openSqliteStore } from '../../store/index.js';
import { ROLES, TokenService } from '../../tokens/index.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { ago, emit, table } from '../output.js';

/** `guardia token create|list|revoke`: API tokens, stored hashed. */
export function registerTokenCommand(program: CommandUnknownOpts, io: CliIo): void {
  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description('create a token; its secret is printed once')
    .argument('<name>', 'who or what uses it, e.g. ci or alice')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'viewer')
    .action(async (name, opts, command) =>
      withTokens(io, command.optsWithGlobals() as GlobalOptions, async (tokens, options) => {
        const created = await tokens.create(name, opts.role);
        emit(io, options, created, () => [
          `created token "${created.name}" (${created.role}); it is shown only now:`,
          created.secret,
        ]);
      }),
    );
  token
    .command('list')
    .description('list tokens (never their secrets)')
    .action(async (_opts, command) =>
      withTokens(io, command.optsWithGlobals() as GlobalOptions, async (tokens, options, now) => {
        const list = await tokens.list();
        emit(io, options, { tokens: list }, () =>
          table([
            ['NAME', 'ROLE', 'CREATED', 'LAST USED', 'STATE'],
            ...list.map((t) => [t.name, t.role, ago(t.createdAt, now), ago(t.lastUsedAt, now), t.revokedAt ? 'revoked' : 'active']),
          ]),
        );
      }),
    );
  token
    .command('revoke')
    .description('revoke a token by name or id')
    .argument('<name>', 'token name or id')
    .action(async (name, _opts, command) =>
      withTokens(io, command.optsWithGlobals() as GlobalOptions, async (tokens, options) => {
        const revoked = await tokens.revoke(name);
        emit(io, options, revoked, () => [`revoked token "${revoked.name}"`]);
      }),
    );
}

/** Token commands need only the store: `--data-dir` alone is enough, no config required. */
async function withTokens(
  io: CliIo,
  options: GlobalOptions,
  work: (tokens: TokenService, options: GlobalOptions, now: number) => Promise<void>,
): Promise<void> {
  const ctx = new CliContext(io, options);
  const explicitDir = options.dataDir ?? io.env.GUARDIA_DATA_DIR;
  const store = await openSqliteStore(ctx.storePath(explicitDir ? undefined : await ctx.loadConfig()));
  try {
    await work(new TokenService(store, ctx.clock), options, ctx.clock.now());
  } finally {
    await store.close();
  }
}
