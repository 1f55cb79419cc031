import { OutboxRepository, SilenceService } from '../../notifiers/index.js';
import { openSqliteStore } from '../../store/index.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';

/** What the silence and outbox commands work with. */
export interface NotifyStore {
  silences: SilenceService;
  outbox: OutboxRepository;
  now: number;
}

/** Silence and outbox commands need only the store: `--data-dir` alone is enough, no config required. */
export async function withNotifyStore(io: CliIo, options: GlobalOptions, work: (deps: NotifyStore) => Promise<void>): Promise<void> {
  const ctx = new CliContext(io, options);
  const explicitDir = options.dataDir ?? io.env.GUARDIA_DATA_DIR;
  const store = await openSqliteStore(ctx.storePath(explicitDir ? undefined : await ctx.loadConfig()));
  try {
    await work({ silences: new SilenceService(store, ctx.clock), outbox: new OutboxRepository(store), now: ctx.clock.now() });
  } finally {
    await store.close();
  }
}
