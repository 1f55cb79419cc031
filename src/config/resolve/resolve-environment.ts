import type { ConfigPath, ProblemSink } from '../problems/path-problem.js';
import type { EnvironmentConfig, EnvironmentTier, ProbeConfig } from '../resolved-config.js';
import { probeKinds } from '../schema/probes/probe-kinds.js';
import { resolveProbeCommon } from './resolve-probe-common.js';
import { qualifyDependsOn } from './resolve-probe-dependencies.js';
import type { ProbeTimingInput } from './resolve-probe-common.js';

/** An environment as validated by the schema. */
export interface EnvironmentInput {
  tier?: EnvironmentTier | undefined;
  url?: string | undefined;
  database?: string | undefined;
  redis?: string | undefined;
  probes?: Record<string, Record<string, unknown>> | undefined;
}

/** What resolving an environment needs besides the environment itself. */
export interface EnvironmentContext {
  defaults: ProbeTimingInput;
  problems: ProblemSink;
  /** Keys of the mapping at a path, in file order. */
  keyOrder: (path: ConfigPath) => string[];
}

/** Resolves one environment and its probes (in file order). */
export function resolveEnvironment(name: string, input: EnvironmentInput, ctx: EnvironmentContext): EnvironmentConfig {
  const env: EnvironmentConfig = { name, tier: input.tier ?? environmentTier(name), probes: [] };
  if (input.url !== undefined) env.url = input.url;
  if (input.database !== undefined) env.database = input.database;
  if (input.redis !== undefined) env.redis = input.redis;
  const probesPath = ['environments', name, 'probes'];
  for (const probeName of inFileOrder(input.probes ?? {}, ctx.keyOrder(probesPath))) {
    const probe = (input.probes ?? {})[probeName] as Record<string, unknown>;
    env.probes.push(resolveProbe(env, probeName, probe, [...probesPath, probeName], ctx));
  }
  return env;
}

function resolveProbe(env: EnvironmentConfig, name: string, probe: Record<string, unknown>, path: ConfigPath, ctx: EnvironmentContext): ProbeConfig {
  const kind = probeKinds.find((k) => probe[k.key] !== undefined);
  if (!kind) throw new Error(`probe ${env.name}/${name} has no kind; the schema should have rejected it`);
  const common = resolveProbeCommon({ env: env.name, name }, probe as ProbeTimingInput, ctx.defaults, path, ctx.problems);
  const dependsOn = qualifyDependsOn(env.name, probe.depends_on as string[] | undefined);
  if (dependsOn !== undefined) common.dependsOn = dependsOn;
  const envView = {
    name: env.name,
    ...(env.url !== undefined ? { url: env.url } : {}),
    ...(env.database !== undefined ? { database: env.database } : {}),
    ...(env.redis !== undefined ? { redis: env.redis } : {}),
  };
  const part = kind.resolve(probe, { env: envView, path, problems: ctx.problems, common });
  return { ...common, ...part } as ProbeConfig;
}

const TIER_BY_NAME: Record<string, EnvironmentTier> = {
  production: 'production',
  prod: 'production',
  prd: 'production',
  live: 'production',
  staging: 'staging',
  stage: 'staging',
  stg: 'staging',
  preprod: 'staging',
};

/** The tier an environment without `tier:` has, from its name (case-insensitive). */
export function environmentTier(name: string): EnvironmentTier {
  return TIER_BY_NAME[name.toLowerCase()] ?? 'development';
}

/** The keys of a record in the order the file lists them (JS objects put numeric keys first). */
export function inFileOrder(record: object, fileOrder: readonly string[]): string[] {
  const keys = Object.keys(record);
  const known = fileOrder.filter((key) => keys.includes(key));
  return [...known, ...keys.filter((key) => !known.includes(key))];
}
