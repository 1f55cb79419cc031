import { resolve as resolvePath } from 'node:path';
import { ConfigError } from '../errors.js';
import type { ConfigProblem } from '../errors.js';
import { defaultIssueMessage } from './problems/default-issue-message.js';
import { formatConfigPath } from './problems/format-config-path.js';
import { mapIssues } from './problems/issue-mapper.js';
import { problemList } from './problems/path-problem.js';
import type { PathProblem } from './problems/path-problem.js';
import { positionProblems, sortProblems } from './problems/position-problems.js';
import type { ResolvedConfig } from './resolved-config.js';
import { resolveConfig } from './resolve/resolve-config.js';
import { salvageConfig } from './resolve/salvage-config.js';
import { configSchema } from './schema/config-schema.js';
import { buildConfigData } from './source/build-config-data.js';
import { parseConfigYaml } from './source/parse-config-yaml.js';
import { readConfigFile } from './source/read-config-file.js';
import { keysAtPath } from './source/yaml-node-lookup.js';

/** Options for `loadConfig`. */
export interface LoadConfigOptions {
  /** Variables for `${VAR}` interpolation. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** How to name the file in messages (e.g. the relative path the user typed). Default: `file`. */
  displayPath?: string;
}

/**
 * Reads, parses, validates, interpolates and cross-checks a guardia.yaml. Throws
 * `ConfigFileError` (one line naming the file) when it is not a readable YAML mapping, and
 * `ConfigError` listing every problem, one `file:line:col path: message` line each.
 */
export async function loadConfig(file: string, options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const shown = options.displayPath ?? file;
  const text = await readConfigFile(file, shown);
  const yaml = parseConfigYaml(text, shown);
  if (yaml.broken) throw new ConfigError(sortProblems(yaml.problems));
  const source = buildConfigData(yaml.doc, options.env ?? process.env, shown);
  const collected = problemList();
  const context = {
    file: resolvePath(file),
    secrets: source.secrets,
    problems: collected,
    keyOrder: (path: readonly (string | number)[]) => keysAtPath(yaml.doc, path),
  };
  const result = configSchema.safeParse(source.data, { error: defaultIssueMessage });
  let config: ResolvedConfig | undefined;
  if (result.success) {
    config = resolveConfig(result.data, context);
  } else {
    collected.problems.push(...mapIssues(result.error.issues));
    const salvaged = salvageConfig(source.data, collected);
    resolveConfig(salvaged.parsed, { ...context, problems: salvaged.problems });
  }
  const pathProblems = [...source.problems, ...withoutReported(collected.problems, source.reported)];
  const problems: ConfigProblem[] = [...yaml.problems, ...positionProblems(pathProblems, { ...yaml, file: shown })];
  if (problems.length > 0 || !config) throw new ConfigError(sortProblems(problems));
  return config;
}

/** Drops problems about values whose interpolation already failed (they saw the raw template). */
function withoutReported(problems: readonly PathProblem[], reported: ReadonlySet<string>): PathProblem[] {
  if (reported.size === 0) return [...problems];
  return problems.filter((problem) => {
    const path = formatConfigPath(problem.path);
    return ![...reported].some((done) => path === done || path.startsWith(`${done}.`) || path.startsWith(`${done}[`));
  });
}
