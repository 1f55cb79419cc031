import type { ProbeCommon } from '../../config/index.js';

/** A probe's latest status, as probe results and saved probe states give it. */
export interface ProbeStatusUpdate {
  probeId: string;
  status: string;
}

type Labels = Readonly<Record<string, string>>;

/**
 * Probe dependencies (`depends_on`): while a probe is down, alerts about the probes that
 * need it — directly or through others — are not notified, so one database outage pages
 * once, not once per service behind it. Like silences, it only holds back firings; the
 * pipeline still delivers the resolve of anything already notified.
 */
export class ProbeDependencyGate {
  private readonly parents: Map<string, readonly string[]>;
  private readonly down = new Set<string>();
  /** Probes with a status seen since start, which the saved states must not overwrite. */
  private readonly seen = new Set<string>();
  private loaded: Promise<void> | undefined;

  /** `loadStates` gives the saved probe states, read once before the first decision (a restart knows what is down). */
  constructor(
    probes: readonly Pick<ProbeCommon, 'id' | 'dependsOn'>[],
    private readonly loadStates: () => Promise<readonly ProbeStatusUpdate[]> = async () => [],
  ) {
    this.parents = new Map(probes.filter((p) => p.dependsOn?.length).map((p) => [p.id, p.dependsOn ?? []]));
  }

  /** Takes a probe's newest status (what the `probe:result` listener calls). */
  observe(update: ProbeStatusUpdate): void {
    this.seen.add(update.probeId);
    if (update.status === 'down') this.down.add(update.probeId);
    else this.down.delete(update.probeId);
  }

  /** The down probe that mutes an alert with these labels, or undefined when none does. */
  async downDependency(labels: Labels): Promise<string | undefined> {
    const probe = probeIdOf(labels);
    if (probe === undefined || !this.parents.has(probe)) return undefined;
    this.loaded ??= this.seed();
    await this.loaded;
    const visited = new Set<string>([probe]);
    const queue = [...(this.parents.get(probe) ?? [])];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (visited.has(id)) continue;
      visited.add(id);
      if (this.down.has(id)) return id;
      queue.push(...(this.parents.get(id) ?? []));
    }
    return undefined;
  }

  private async seed(): Promise<void> {
    for (const state of await this.loadStates()) if (!this.seen.has(state.probeId)) this.observe(state);
  }
}

/** `env/probe` of an alert about a probe: its `probe` label, qualified by `env` unless it already is. */
function probeIdOf(labels: Labels): string | undefined {
  const probe = labels.probe;
  if (!probe) return undefined;
  if (probe.includes('/')) return probe;
  return labels.env ? `${labels.env}/${probe}` : undefined;
}
