export type { Runbook, RunbookStep, StepResult } from './runbook.js';
export { parseRunbook, readRunbook } from './parse-runbook.js';
export { nodeSpawn } from './spawn.js';
export type { Spawn, SpawnOptions } from './spawn.js';
export { MAX_OUTPUT_BYTES, runRunbook } from './runbook-runner.js';
export type { RunbookOutcome, RunbookRunnerDeps } from './runbook-runner.js';
