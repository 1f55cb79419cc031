import type { ResolvedConfig } from '../config/index.js';

/** One file an export writes, named relative to the directory it is written to. */
export interface ExportFile {
  name: string;
  text: string;
}

/**
 * What an export produced from the config: the files, and notes for the user about what was
 * left out or adjusted (e.g. "no production environment with release:").
 */
export interface ExportPlan {
  files: ExportFile[];
  notes: string[];
}

/**
 * An export target (`github-actions` now; Prometheus rules, Alertmanager and Grafana later):
 * turns the resolved config into files. Pure: writing them is `writeExportFiles`' job.
 */
export interface ExportTarget<Options> {
  name: string;
  /** The first line of every file it writes; files that do not start with it are not ours. */
  marker: string;
  plan(config: ResolvedConfig, options: Options): ExportPlan;
}
