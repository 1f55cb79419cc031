import { userInfo } from 'node:os';
import type { ResolvedConfig } from '../../config/index.js';
import { IncidentRepository, IncidentService } from '../../incidents/index.js';
import { openSqliteStore } from '../../store/index.js';
import { createTsdb } from '../../tsdb/index.js';
import { CliContext } from '../cli-context.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';

/** What the incident and runbook commands work with. */
export interface IncidentStore {
  incidents: IncidentService;
  ctx: CliContext;
  /** Loaded unless only `--data-dir` was given. */
  config: ResolvedConfig | undefined;
  /** `--as`, `GUARDIA_USER`, or the OS user. */
  actor: string;
}

/** Incident commands need only the store (`--data-dir` alone is enough); MTTA/MTTR samples are flushed before closing. */
export async function withIncidentStore(io: CliIo, options: GlobalOptions, work: (deps: IncidentStore) => Promise<void>): Promise<void> {
  const ctx = new CliContext(io, options);
  const explicitDir = options.dataDir ?? io.env.GUARDIA_DATA_DIR;
  const config = explicitDir ? undefined : await ctx.loadConfig();
  const store = await openSqliteStore(ctx.storePath(config));
  const tsdb = createTsdb(store);
  try {
    const incidents = new IncidentService({ repository: new IncidentRepository(store), clock: ctx.clock, tsdb, ...(config ? { config: config.incidents } : {}) });
    await work({ incidents, ctx, config, actor: actorOf(io, options) });
  } finally {
    await tsdb.close();
    await store.close();
  }
}

export function actorOf(io: CliIo, options: GlobalOptions): string {
  return options.as ?? (io.env.GUARDIA_USER || userInfo().username);
}
