import { isAbsolute, resolve } from 'node:path';
import type { ConfigPath, ProblemSink } from '../problems/path-problem.js';
import type { EnvironmentConfig } from '../resolved-config.js';
import { DEFAULT_VERSION_PATTERN, type FreezeWindowConfig, type ReleaseConfig, type ReleaseStepConfig } from '../schema/release/release-config.js';
import type { ReleaseInput } from '../schema/release/release-schema.js';
import type { ReleaseStepInput } from '../schema/release/release-step-schema.js';
import { resolveEnvironment, type EnvironmentContext } from './resolve-environment.js';

const DEFAULT_RUN_TIMEOUT_MS = 10 * 60_000;

/** What resolving `release:` needs: the environment context (for smoke probes) and the config's directory. */
export interface ReleaseContext extends EnvironmentContext {
  dir: string;
}

/** Sets `release` on each environment whose input has `release:`, and checks names it refers to. */
export function attachReleases(environments: EnvironmentConfig[], inputs: Record<string, { release?: ReleaseInput | undefined }>, ctx: ReleaseContext): void {
  for (const env of environments) {
    const input = inputs[env.name]?.release;
    if (input === undefined) continue;
    const path = ['environments', env.name, 'release'];
    env.release = resolveRelease(env, input, path, ctx);
    if (input.requires !== undefined && !environments.some((e) => e.name === input.requires)) ctx.problems.add([...path, 'requires'], `no environment "${input.requires}"`);
    if (input.requires === env.name) ctx.problems.add([...path, 'requires'], 'an environment cannot require itself');
  }
}

/** Resolves one environment's `release:` with defaults applied. */
export function resolveRelease(env: EnvironmentConfig, input: ReleaseInput, path: ConfigPath, ctx: ReleaseContext): ReleaseConfig {
  const config: ReleaseConfig = {
    versions: input.versions ?? DEFAULT_VERSION_PATTERN,
    freeze: (input.freeze ?? []).map(freezeWindow),
    steps: input.steps.map((step, i) => resolveStep(env, step, [...path, 'steps', i], ctx)),
    rollback: (input.rollback ?? []).map((step, i) => resolveStep(env, step, [...path, 'rollback', i], ctx)),
  };
  if (input.requires !== undefined) config.requires = input.requires;
  if (input.approval !== undefined) config.approval = { approvers: input.approval.approvers ?? 1, expiresMs: input.approval.expires ?? 86_400_000 };
  if (input.notify !== undefined) config.notify = input.notify;
  const watch = input.watch;
  if (watch !== undefined) {
    config.watch = { forMs: watch.for, everyMs: watch.every ?? 5_000, alerts: watch.alerts ?? [], probes: watch.probes ?? [] };
    config.watch.probes.forEach((name, i) => checkProbe(env, name, [...path, 'watch', 'probes', i], ctx.problems));
  }
  return config;
}

function freezeWindow(input: NonNullable<ReleaseInput['freeze']>[number]): FreezeWindowConfig {
  const reason = input.reason !== undefined ? { reason: input.reason } : {};
  return 'cron' in input ? { cron: input.cron, forMs: input.for, ...reason } : { fromMs: input.from, toMs: input.to, ...reason };
}

function resolveStep(env: EnvironmentConfig, step: ReleaseStepInput, path: ConfigPath, ctx: ReleaseContext): ReleaseStepConfig {
  if (step === 'backup') return { kind: 'backup', name: 'backup' };
  if (step === 'migrate') return { kind: 'migrate', name: 'migrate' };
  if (typeof step === 'string') return { kind: 'run', name: step, run: step, timeoutMs: DEFAULT_RUN_TIMEOUT_MS };
  if ('run' in step) return { kind: 'run', name: step.name ?? step.run, run: step.run, timeoutMs: step.timeout ?? DEFAULT_RUN_TIMEOUT_MS };
  if ('http' in step) {
    const { url, method, headers, body, poll } = step.http;
    return {
      kind: 'http',
      name: step.name ?? `http ${method ?? 'POST'}`,
      http: {
        url,
        method: method ?? 'POST',
        headers: headers ?? {},
        ...(body !== undefined ? { body } : {}),
        ...(poll !== undefined
          ? { poll: { url: poll.url, ...(poll.until.status !== undefined ? { untilStatus: poll.until.status } : {}), ...(poll.until.json !== undefined ? { untilJson: poll.until.json } : {}), everyMs: poll.every ?? 5_000, timeoutMs: poll.timeout ?? 600_000 } }
          : {}),
      },
    };
  }
  if ('migrate' in step) return { kind: 'migrate', name: step.name ?? 'migrate', dir: isAbsolute(step.migrate) ? step.migrate : resolve(ctx.dir, step.migrate) };
  if ('smoke' in step) return { kind: 'smoke', name: step.name ?? 'smoke', probes: smokeProbes(env, step.smoke as Record<string, unknown>[], [...path, 'smoke'], ctx) };
  const wait = step.wait_healthy;
  wait.probes.forEach((name, i) => checkProbe(env, name, [...path, 'wait_healthy', 'probes', i], ctx.problems));
  return { kind: 'wait_healthy', name: step.name ?? 'wait_healthy', probes: wait.probes, consecutive: wait.consecutive ?? 3, everyMs: wait.every ?? 2_000, timeoutMs: wait.timeout ?? 300_000 };
}

/** Smoke probes resolve as probes of a copy of the environment named `smoke-1…`, with problems reported at the step. */
function smokeProbes(env: EnvironmentConfig, inputs: Record<string, unknown>[], path: ConfigPath, ctx: ReleaseContext) {
  const names = inputs.map((_, i) => `smoke-${i + 1}`);
  const probesPath = ['environments', env.name, 'probes'];
  const problems: ProblemSink = {
    add(at, message, where, offset) {
      const inside = at.slice(probesPath.length);
      const index = names.indexOf(String(inside[0]));
      ctx.problems.add(index === -1 ? path : [...path, index, ...inside.slice(1)], message, where, offset);
    },
  };
  const input = { ...pick(env), probes: Object.fromEntries(names.map((name, i) => [name, inputs[i] as Record<string, unknown>])) };
  return resolveEnvironment(env.name, input, { ...ctx, problems, keyOrder: () => names }).probes;
}

function pick(env: EnvironmentConfig) {
  return { ...(env.url !== undefined ? { url: env.url } : {}), ...(env.database !== undefined ? { database: env.database } : {}), ...(env.redis !== undefined ? { redis: env.redis } : {}) };
}

function checkProbe(env: EnvironmentConfig, name: string, path: ConfigPath, problems: ProblemSink): void {
  if (!env.probes.some((p) => p.name === name)) problems.add(path, `no probe "${name}" in environment ${env.name}`);
}
