import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { AllowedColumn, MaskRule } from '../../mirror/mask-rule.js';
import type { ConfigPath, ProblemSink } from '../problems/path-problem.js';
import type { EnvironmentConfig } from '../resolved-config.js';
import type { MirrorConfig } from '../schema/mirror/mirror-config.js';
import type { MaskMethodInput, MirrorInput } from '../schema/mirror/mirror-schema.js';

/** What resolving `mirror:` needs besides the environments. */
export interface MirrorContext {
  /** The config file's directory: seed files resolve against it. */
  dir: string;
  problems: ProblemSink;
}

/**
 * Sets `mirror` on each environment whose input has `mirror:`. Reports a mirror on a
 * production-tier environment (mirrors never write into production), one without a
 * database, a `from` that is unknown or itself, and seed files that do not exist.
 */
export function attachMirrors(environments: EnvironmentConfig[], inputs: Record<string, { mirror?: MirrorInput | undefined }>, ctx: MirrorContext): void {
  for (const env of environments) {
    const input = inputs[env.name]?.mirror;
    if (input === undefined) continue;
    const path = ['environments', env.name, 'mirror'];
    if (env.tier === 'production') {
      ctx.problems.add(path, `environment ${env.name} is of tier production and mirrors never write into production: put mirror: on a staging environment`, 'key');
    }
    if (env.database === undefined) ctx.problems.add(path, `a mirror needs a database: set environments.${env.name}.database`, 'key');
    if (input.from !== undefined && !environments.some((e) => e.name === input.from)) ctx.problems.add([...path, 'from'], `no environment "${input.from}"`);
    if (input.from === env.name) ctx.problems.add([...path, 'from'], 'an environment cannot be mirrored from itself');
    env.mirror = resolveMirror(input, path, ctx);
  }
}

/** Resolves one `mirror:`: rules with their schema (default `public`), allowed columns and absolute seed paths. */
export function resolveMirror(input: MirrorInput, path: ConfigPath, ctx: MirrorContext): MirrorConfig {
  const rules: MaskRule[] = [];
  const seen = new Set<string>();
  for (const [key, method] of Object.entries(input.mask ?? {})) {
    const rule = ruleOf(key, method);
    if (typeof rule === 'string') {
      ctx.problems.add([...path, 'mask', key], rule, 'key');
      continue;
    }
    const target = rule.kind === 'column' ? `${rule.schema}.${rule.table}.${rule.column}` : `${rule.schema}.${rule.table}`;
    if (seen.has(target)) ctx.problems.add([...path, 'mask', key], `${target} has two rules`, 'key');
    seen.add(target);
    rules.push(rule);
  }
  const allow = (input.allow ?? []).map(allowedOf);
  const seed = (input.seed ?? []).map((file, index) => {
    const absolute = isAbsolute(file) ? file : resolve(ctx.dir, file);
    if (!existsSync(absolute)) ctx.problems.add([...path, 'seed', index], `seed file ${absolute} does not exist`);
    return absolute;
  });
  return {
    ...(input.from !== undefined ? { from: input.from } : {}),
    rules,
    allow,
    seed,
    ...(input.key !== undefined ? { key: input.key } : {}),
  };
}

/** The rule a key and method make, or why the key does not fit the method. */
function ruleOf(key: string, method: MaskMethodInput): MaskRule | string {
  const parts = key.split('.');
  if (method.kind === 'truncate') {
    if (parts.length > 2) return `expected a table like "audit_log" or "public.audit_log" for truncate, got "${key}"`;
    const [schema, table] = parts.length === 2 ? parts : ['public', ...parts];
    return { kind: 'truncate', schema: schema ?? 'public', table: table ?? key, key };
  }
  if (parts.length < 2) return `expected a column like "${key}.column" or "public.${key}.column" (only truncate takes a table), got "${key}"`;
  const column = allowedOf(key);
  return { kind: 'column', ...column, method, key };
}

function allowedOf(key: string): AllowedColumn {
  const parts = key.split('.');
  const [schema, table, column] = parts.length === 3 ? parts : ['public', ...parts];
  return { schema: schema ?? 'public', table: table ?? '', column: column ?? '' };
}
