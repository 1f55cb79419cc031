import { didYouMean } from '../problems/did-you-mean.js';
import type { ProblemSink } from '../problems/path-problem.js';
import type { EnvironmentConfig, ProbeConfig } from '../resolved-config.js';

/** `depends_on` as written, qualified to probe ids: `database` → `production/database`. */
export function qualifyDependsOn(env: string, refs: readonly string[] | undefined): string[] | undefined {
  return refs?.map((ref) => (ref.includes('/') ? ref : `${env}/${ref}`));
}

/**
 * Checks every `depends_on`: each names an existing probe other than itself, and following
 * them never leads back to where it started (a cycle would let two probes mute each other).
 */
export function checkProbeDependencies(environments: readonly EnvironmentConfig[], problems: ProblemSink): void {
  const probes = new Map(environments.flatMap((env) => env.probes).map((probe) => [probe.id, probe]));
  const valid = new Map<string, string[]>();
  for (const probe of probes.values()) {
    const kept: string[] = [];
    (probe.dependsOn ?? []).forEach((id, index) => {
      const message = refProblem(probe, id, probes);
      if (message === undefined) kept.push(id);
      else problems.add(pathOf(probe, index), message);
    });
    valid.set(probe.id, kept);
  }
  for (const probe of probes.values()) {
    const cycle = cycleFrom(probe.id, valid);
    // Report a cycle once, at the probe of the cycle that comes first in the file.
    if (cycle && cycle[0] === probe.id && cycle.slice(1).every((id) => order(probes, id) > order(probes, probe.id))) {
      const index = (probe.dependsOn ?? []).indexOf(cycle[1] as string);
      problems.add(pathOf(probe, index), `depends_on makes a cycle: ${[...cycle, probe.id].join(' → ')}; a probe cannot depend on itself through others`);
    }
  }
}

function refProblem(probe: ProbeConfig, id: string, probes: Map<string, ProbeConfig>): string | undefined {
  if (id === probe.id) return `a probe cannot depend on itself (${id})`;
  if (probes.has(id)) return undefined;
  const sameEnv = !id.startsWith(`${probe.env}/`) ? [...probes.keys()] : [...probes.values()].filter((p) => p.env === probe.env).map((p) => p.id);
  const guess = didYouMean(id, sameEnv);
  return `no probe "${id}"${guess === undefined ? '' : `; did you mean "${guess}"?`}`;
}

/** The first cycle reachable from `start` that returns to it, as the list of ids from `start`. */
function cycleFrom(start: string, edges: Map<string, string[]>): string[] | undefined {
  const walk = (id: string, trail: string[]): string[] | undefined => {
    for (const next of edges.get(id) ?? []) {
      if (next === start) return trail;
      if (trail.includes(next)) continue;
      const found = walk(next, [...trail, next]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
}

function order(probes: Map<string, ProbeConfig>, id: string): number {
  return [...probes.keys()].indexOf(id);
}

function pathOf(probe: ProbeConfig, index: number): (string | number)[] {
  return ['environments', probe.env, 'probes', probe.name, 'depends_on', ...(index >= 0 ? [index] : [])];
}
