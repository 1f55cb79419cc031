import type * as z from 'zod';
import { GOT } from '../problems/path-problem.js';
import { strictObject } from './internal/strict-object.js';
import { switchUnion } from './internal/switch-union.js';
import { probeTimingShape } from './probe-timing-schema.js';
import { probeDependencyShape } from './probe-dependency-schema.js';
import type { AnyProbeKind } from './probes/probe-kind.js';
import { probeKinds } from './probes/probe-kinds.js';

const KIND_KEYS = probeKinds.map((kind) => kind.key);
const CHOICES = listChoices(KIND_KEYS);

function listChoices(keys: readonly string[]): string {
  const quoted = keys.map((key) => `"${key}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : (quoted[0] ?? '');
}

/** Keys that belong to other kinds get "applies only to … probes" instead of "unknown key". */
function foreignKeyHints(kind: AnyProbeKind): Record<string, string> {
  const owners: Record<string, string[]> = {};
  for (const other of probeKinds) {
    if (other === kind) continue;
    for (const key of Object.keys(other.shape)) {
      // Several kinds may share a key (`expect` for http and sql): name them all.
      if (!(key in kind.shape) && !KIND_KEYS.includes(key as never)) (owners[key] ??= []).push(other.key);
    }
  }
  return Object.fromEntries(Object.entries(owners).map(([key, kinds]) => [key, `"${key}" applies only to ${listChoices(kinds).replace(/"/g, '')} probes`]));
}

function selectKind(input: unknown): number | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return `expected a mapping with one of ${CHOICES}${GOT}`;
  }
  const present = KIND_KEYS.filter((key) => key in input);
  if (present.length === 1) return KIND_KEYS.indexOf(present[0] as (typeof KIND_KEYS)[number]);
  if (present.length === 0) return `missing what to check: add one of ${CHOICES}`;
  return `has ${listChoices(present).replace(' or ', ' and ')}: a probe checks one thing; keep one of ${CHOICES}`;
}

const options = probeKinds.map((kind) =>
  strictObject({ ...probeTimingShape, ...probeDependencyShape, ...kind.shape }, foreignKeyHints(kind)).describe(`A probe of kind "${kind.key}".`),
) as unknown as [z.ZodType<Record<string, unknown>>, ...z.ZodType<Record<string, unknown>>[]];

/** One probe: exactly one kind key (`http`, `tcp`, `heartbeat`…) plus scheduling settings. */
export const probeSchema = switchUnion(options, selectKind).describe(
  `A probe: exactly one of ${CHOICES}, plus scheduling settings (every, timeout, retries, retry_delay, degraded_over, jitter).`,
);
