import type { Clock } from '../clock/index.js';
import type { ProbeConfig, ResolvedConfig } from '../config/resolved-config.js';
import type { NamedLocks } from '../locks/index.js';
import type { Notification } from '../notifiers/index.js';
import type { ReleaseRepository } from './release-repository.js';

/** What the release service needs of the rest of guardia; the CLI wires the real ones, tests their own. */
export interface ReleaseDeps {
  config: ResolvedConfig;
  repository: ReleaseRepository;
  locks: NamedLocks;
  clock: Clock;
  /** Runs a probe once; `record` saves the result as the probe's state (named probes do, smoke probes don't). */
  runProbe(probe: ProbeConfig, record: boolean): Promise<{ status: string; reason: string }>;
  /** Names of the alerts firing now for `env`, from the alert state store. */
  firingAlerts(env: string): Promise<string[]>;
  /** Backs up the environment's databases; a summary line. Throws when the environment has no `backups:`. */
  backup(env: string): Promise<string>;
  /** Applies migrations; summary lines (lint warnings included). `overrideLint` is the recorded reason to go past blocking lint findings. */
  migrate(env: string, dir: string | undefined, overrideLint: string | undefined): Promise<string[]>;
  /** Queues a notification in the outbox and delivers what is due. */
  notify(notification: Notification): Promise<void>;
  /** Live output, one line at a time. */
  output(line: string): void;
  /** Removes secret values from text kept in the record. */
  redact(text: string): string;
  /** Process environment of `run` steps (VERSION, PREVIOUS_VERSION and ENVIRONMENT are added). */
  baseEnv: NodeJS.ProcessEnv;
  /** guardia's external URL, for links in notifications. */
  externalUrl: string;
  /** This process's lock holder text for a purpose. */
  holder(purpose: string): string;
  /** Whether a holder's process may still run (false only for a gone process of this host). */
  holderAlive(holder: string): boolean;
}
