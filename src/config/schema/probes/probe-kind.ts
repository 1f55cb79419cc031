import type * as z from 'zod';
import type { ConfigPath, ProblemSink } from '../../problems/path-problem.js';
import type { ProbeCommon, ProbeConfig, ProbeKind } from '../../resolved-config.js';

/** The kind-specific part of a resolved probe: `{ kind: 'http', http: {…} }`. */
export type ProbeKindPart = ProbeConfig extends infer P ? (P extends ProbeCommon ? Omit<P, keyof ProbeCommon> : never) : never;

/** What a kind's resolver may look at besides its own keys. */
export interface ProbeKindContext {
  env: {
    name: string;
    url?: string;
    /** The environment's `database:` connection string, for the postgres and sql probes. */
    database?: string;
    /** The environment's `redis:` URL, for the redis probe. */
    redis?: string;
  };
  /** Path of the probe in the config file, for problems. */
  path: ConfigPath;
  problems: ProblemSink;
  /** The probe's resolved scheduling. */
  common: ProbeCommon;
}

/**
 * One kind of probe as the config sees it: the key that selects it, the keys it adds to a
 * probe (its own key first), and how its validated keys become the resolved spec.
 * Adding a kind is one file exporting one of these plus one line in `probe-kinds.ts`.
 */
export interface ProbeKindDefinition<Shape extends z.core.$ZodLooseShape> {
  key: ProbeKind;
  shape: Shape;
  resolve(input: z.output<z.ZodObject<Shape, z.core.$strict>>, ctx: ProbeKindContext): ProbeKindPart;
}

/** A probe kind with its input type erased, so kinds of different shapes share a registry. */
export interface AnyProbeKind {
  key: ProbeKind;
  shape: z.core.$ZodLooseShape;
  resolve(input: Record<string, unknown>, ctx: ProbeKindContext): ProbeKindPart;
}

/** Declares a probe kind; the schema guarantees `resolve` only sees input its shape accepted. */
export function defineProbeKind<Shape extends z.core.$ZodLooseShape>(definition: ProbeKindDefinition<Shape>): AnyProbeKind {
  return definition as unknown as AnyProbeKind;
}
