import type { ReleaseConfig, ReleaseStepConfig } from '../config/schema/release/release-config.js';
import type { ReleaseDeps } from './release-deps.js';
import type { ReleaseRecord, StepRecord } from './release.js';
import { OutputTail } from './internal/output-tail.js';
import { runStep } from './steps/run-step.js';
import type { StepContext } from './steps/step-context.js';
import { watchRelease } from './release-watch.js';

const NOT_REVERTED = 'database migrations were not reverted';

/** How the steps, watch and rollback of a release ended. */
export interface ExecutionOutcome {
  status: 'succeeded' | 'failed' | 'rolled_back' | 'cancelled';
  reason: string | null;
}

/**
 * Runs a release that is `running` and whose lock is held: its steps in order, then the watch;
 * on a failed step or a watch trigger, the rollback steps with PREVIOUS_VERSION. The record is
 * saved after each step so another process (and a crash) sees how far it got.
 */
export async function executeRelease(record: ReleaseRecord, config: ReleaseConfig, deps: ReleaseDeps, signal: AbortSignal, overrideLint?: string): Promise<ExecutionOutcome> {
  // A rollback record's version is the target: its steps deploy PREVIOUS_VERSION, so that is the target there.
  const failure =
    record.kind === 'rollback'
      ? await runPhase(record, 'rollback', config.rollback, deps, signal, undefined, { version: record.previousVersion ?? '', previousVersion: record.version })
      : await runPhase(record, 'steps', config.steps, deps, signal, overrideLint);
  if (signal.aborted) return { status: 'cancelled', reason: 'cancelled' };
  if (record.kind === 'rollback') return failure ? { status: 'failed', reason: failure } : { status: 'succeeded', reason: null };
  let trigger = failure;
  if (!trigger && config.watch) {
    if (await deps.repository.transition(record.id, ['running'], 'watching')) record.status = 'watching';
    trigger = await watchRelease(record.env, config.watch, deps, signal, (text) => deps.output(`[${record.env} watch] ${text}`));
    if (signal.aborted) return { status: 'cancelled', reason: 'cancelled' };
  }
  if (!trigger) return { status: 'succeeded', reason: null };
  if (config.rollback.length === 0) return { status: 'failed', reason: `${trigger}; no rollback steps configured (${NOT_REVERTED})` };
  deps.output(`[${record.env}] rolling back to ${record.previousVersion ?? '(no previous version)'}: ${trigger}`);
  const rollbackFailure = await runPhase(record, 'rollback', config.rollback, deps, signal, undefined);
  if (rollbackFailure) return { status: 'failed', reason: `${trigger}; the rollback failed too: ${rollbackFailure} (${NOT_REVERTED})` };
  return { status: 'rolled_back', reason: `${trigger}; rolled back to ${record.previousVersion ?? 'the previous version'} (${NOT_REVERTED})` };
}

/** Runs steps in order; returns why the first failing one failed, or undefined. */
async function runPhase(
  record: ReleaseRecord,
  phase: StepRecord['phase'],
  steps: readonly ReleaseStepConfig[],
  deps: ReleaseDeps,
  signal: AbortSignal,
  overrideLint: string | undefined,
  versions: { version: string; previousVersion: string | null } = record,
): Promise<string | undefined> {
  for (const step of steps) {
    if (signal.aborted) return 'cancelled';
    const tail = new OutputTail();
    const entry: StepRecord = { name: deps.redact(step.name), kind: step.kind, phase, status: 'running', startedAt: deps.clock.now(), output: tail.lines };
    record.steps.push(entry);
    await deps.repository.save(record);
    const line = (text: string) => {
      const clean = deps.redact(text);
      tail.push(clean);
      deps.output(`[${record.env} ${entry.name}] ${clean}`);
    };
    try {
      await runStep(step, stepContext(record, versions, deps, signal, line, overrideLint));
      entry.status = 'succeeded';
    } catch (error) {
      entry.status = 'failed';
      entry.error = deps.redact(error instanceof Error ? error.message : String(error));
      line(`failed: ${entry.error}`);
    }
    entry.endedAt = deps.clock.now();
    await deps.repository.save(record);
    if (entry.status === 'failed') return `step ${entry.name} failed: ${entry.error ?? ''}`;
  }
  return undefined;
}

function stepContext(
  record: ReleaseRecord,
  versions: { version: string; previousVersion: string | null },
  deps: ReleaseDeps,
  signal: AbortSignal,
  line: (text: string) => void,
  overrideLint: string | undefined,
): StepContext {
  const environment = deps.config.environments.find((e) => e.name === record.env);
  return {
    env: record.env,
    version: versions.version,
    previousVersion: versions.previousVersion,
    cwd: deps.config.dir,
    baseEnv: deps.baseEnv,
    clock: deps.clock,
    signal,
    line,
    runProbe: (probe, save) => deps.runProbe(probe, save),
    probe: (name) => environment?.probes.find((p) => p.name === name),
    backup: () => deps.backup(record.env),
    migrate: (dir) => deps.migrate(record.env, dir, overrideLint),
  };
}
