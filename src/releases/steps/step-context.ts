import type { Clock } from '../../clock/index.js';
import type { ProbeConfig } from '../../config/resolved-config.js';

/** What a step needs to run: where it is, what is being released, and the seams to the world. */
export interface StepContext {
  env: string;
  version: string;
  previousVersion: string | null;
  /** Working directory of `run` steps: the config file's directory. */
  cwd: string;
  /** Process environment of `run` steps, before VERSION, PREVIOUS_VERSION and ENVIRONMENT are added. */
  baseEnv: NodeJS.ProcessEnv;
  clock: Clock;
  signal: AbortSignal;
  /** One line of live output (already prefixed by the caller). */
  line(text: string): void;
  /** Runs a probe once (named probes of the environment record their result). */
  runProbe(probe: ProbeConfig, record: boolean): Promise<{ status: string; reason: string }>;
  /** The environment's probe by name. */
  probe(name: string): ProbeConfig | undefined;
  /** Takes a backup of the environment; a summary line. */
  backup(): Promise<string>;
  /** Applies the environment's migrations from `dir` (or the configured ones); summary lines. */
  migrate(dir: string | undefined): Promise<string[]>;
}
