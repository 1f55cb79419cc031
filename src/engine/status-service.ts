import type { ResolvedConfig } from '../config/index.js';
import { NotFoundError } from '../errors.js';
import type { EnvironmentView, HttpServices, ProbeView } from '../http/index.js';
import type { Store } from '../store/index.js';
import { loadProbeStates } from '../probes/index.js';
import { toProbeView } from './probe-view.js';

const SEVERITY = { unknown: 0, up: 1, degraded: 2, down: 3 } as const;

/** Current status per environment, from the stored probe states. */
export class StatusService implements Pick<HttpServices, 'status'> {
  readonly status = {
    environments: () => this.environments(),
    environment: (name: string) => this.environment(name),
  };

  constructor(
    private readonly config: ResolvedConfig,
    private readonly store: Store,
  ) {}

  async probeViews(env?: string): Promise<ProbeView[]> {
    if (env !== undefined && !this.config.environments.some((e) => e.name === env)) {
      throw new NotFoundError(`no environment "${env}" in ${this.config.file}`);
    }
    const [rows, pushes] = await Promise.all([
      loadProbeStates(this.store),
      this.store.db.selectFrom('heartbeat').select(['probe_id', 'token']).execute(),
    ]);
    const states = new Map(rows.map((state) => [state.probeId, state]));
    const tokens = new Map(pushes.map((row) => [row.probe_id, row.token]));
    return this.config.environments
      .filter((e) => env === undefined || e.name === env)
      .flatMap((e) => e.probes.map((p) => toProbeView(p, states.get(p.id), tokens.get(p.id))));
  }

  private async environments(): Promise<EnvironmentView[]> {
    const views = await this.probeViews();
    return this.config.environments.map((e) => summarize(e.name, views.filter((v) => v.env === e.name)));
  }

  private async environment(name: string): Promise<EnvironmentView> {
    return summarize(name, await this.probeViews(name));
  }
}

function summarize(name: string, probes: ProbeView[]): EnvironmentView {
  const counts = { up: 0, degraded: 0, down: 0, unknown: 0 };
  let worst: EnvironmentView['status'] = 'unknown';
  for (const probe of probes) {
    counts[probe.status]++;
    if (SEVERITY[probe.status] > SEVERITY[worst]) worst = probe.status;
  }
  return { name, status: worst, counts, probes };
}
