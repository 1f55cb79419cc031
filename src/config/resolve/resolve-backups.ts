import { isAbsolute, resolve } from 'node:path';
import type { ProblemSink } from '../problems/path-problem.js';
import type { BackupDatabaseConfig, BackupsConfig } from '../resolved-backup-config.js';
import type { EnvironmentConfig } from '../resolved-config.js';
import type { BackupsInput } from '../schema/backups/backups-schema.js';
import { repositoryFromInput, repositoryKey } from '../schema/backups/repository-location.js';

const DEFAULT_JOBS = 2;

/** What resolving `backups:` needs besides the environment. */
export interface BackupsContext {
  /** The config file's directory: relative `file:` repositories and identity paths resolve against it. */
  dir: string;
  problems: ProblemSink;
}

/** Sets `backups` on each environment whose input has `backups:`. */
export function attachBackups(environments: EnvironmentConfig[], inputs: Record<string, { backups?: BackupsInput | undefined }>, ctx: BackupsContext): void {
  for (const env of environments) {
    const input = inputs[env.name]?.backups;
    if (input !== undefined) env.backups = resolveBackups(env, input, ctx);
  }
}

/**
 * Resolves one environment's `backups:`: the databases (default: the environment's
 * `database`, named after its database), absolute repository paths and identity file,
 * and defaults. Reports a missing database, a repeated database name or repository, and
 * smoke probes that are not postgres or sql probes of the environment.
 */
export function resolveBackups(env: EnvironmentConfig, input: BackupsInput, ctx: BackupsContext): BackupsConfig {
  const path = ['environments', env.name, 'backups'];
  const databases = resolveDatabases(env, input, path, ctx.problems);
  const repositories = input.to.map((repository) => repositoryFromInput(repository, ctx.dir));
  const seen = new Set<string>();
  repositories.forEach((repository, index) => {
    const key = repositoryKey(repository);
    if (seen.has(key)) ctx.problems.add([...path, 'to', ...(input.to.length > 1 ? [index] : [])], `repository ${repository.display} is listed twice`);
    seen.add(key);
  });
  const verify = input.verify ?? {};
  const smoke = input.drill?.smoke ?? [];
  smoke.forEach((name, index) => checkSmokeProbe(env, name, [...path, 'drill', 'smoke', index], ctx.problems));
  const identity = verify.identity;
  const config: BackupsConfig = {
    databases,
    jobs: input.jobs ?? DEFAULT_JOBS,
    excludeTableData: input.exclude_table_data ?? [],
    globals: input.globals ?? true,
    repositories,
    encryptTo: input.encrypt_to ?? [],
    verify: {
      afterBackup: verify.after_backup ?? true,
      sql: verify.sql ?? [],
      amcheck: verify.amcheck ?? true,
      ...(verify.schedule !== undefined ? { schedule: verify.schedule } : {}),
      ...(identity !== undefined ? { identityFile: isAbsolute(identity) ? identity : resolve(ctx.dir, identity) } : {}),
      ...(verify.server !== undefined ? { server: verify.server } : {}),
    },
    keep: { ...definedOnly(input.keep ?? {}), minimum: input.keep?.minimum ?? 1 },
    objectives: {
      ...(input.objectives?.rpo !== undefined ? { rpoMs: input.objectives.rpo } : {}),
      ...(input.objectives?.rto !== undefined ? { rtoMs: input.objectives.rto } : {}),
    },
    drill: { smoke, ...(input.drill?.schedule !== undefined ? { schedule: input.drill.schedule } : {}) },
  };
  if (input.schedule !== undefined) config.schedule = input.schedule;
  if (input.timezone !== undefined) config.timezone = input.timezone;
  return config;
}

function resolveDatabases(env: EnvironmentConfig, input: BackupsInput, path: string[], problems: ProblemSink): BackupDatabaseConfig[] {
  if (input.databases === undefined) {
    if (env.database === undefined) {
      problems.add(path, `backups need a database: set environments.${env.name}.database or backups.databases`, 'key');
      return [];
    }
    return [{ name: databaseNameOf(env.database), url: env.database }];
  }
  const databases = input.databases.map((entry) =>
    typeof entry === 'string' ? { name: databaseNameOf(entry), url: entry } : { name: entry.name ?? databaseNameOf(entry.url), url: entry.url },
  );
  const names = new Set<string>();
  databases.forEach((database, index) => {
    if (names.has(database.name)) problems.add([...path, 'databases', index], `two databases are named "${database.name}": give one a "name"`);
    names.add(database.name);
  });
  return databases;
}

/**
 * The name a database gets when the config gives none: the URL's database (`/app`, or
 * `?dbname=`), else its user (libpq's default), else `postgres`; reduced to name characters.
 */
export function databaseNameOf(url: string): string {
  const parsed = new URL(url);
  const fromPath = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const raw = fromPath || parsed.searchParams.get('dbname') || decodeURIComponent(parsed.username) || 'postgres';
  return raw.replace(/[^A-Za-z0-9_-]/g, '_').replace(/^[_-]+/, '') || 'postgres';
}

function checkSmokeProbe(env: EnvironmentConfig, name: string, path: (string | number)[], problems: ProblemSink): void {
  const probe = env.probes.find((p) => p.name === name);
  if (probe === undefined) problems.add(path, `no probe "${name}" in environments.${env.name}.probes`);
  else if (probe.kind !== 'postgres' && probe.kind !== 'sql') problems.add(path, `probe "${name}" is a ${probe.kind} probe; drills run only postgres and sql probes`);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([key, v]) => v !== undefined && key !== 'minimum')) as Partial<T>;
}

/** Settings that work but probably not as meant, one line each (`guardia validate` prints them). */
export function backupWarnings(environments: readonly EnvironmentConfig[]): string[] {
  return environments.flatMap((env) =>
    env.backups !== undefined && env.backups.encryptTo.length > 0 && env.backups.verify.identityFile === undefined
      ? [`environments.${env.name}.backups: encrypt_to is set but verify.identity is not: encrypted backups will stay unverified`]
      : [],
  );
}
