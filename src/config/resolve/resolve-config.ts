import { dirname, isAbsolute, resolve as resolvePath } from 'node:path';
import type { ConfigPath, ProblemSink } from '../problems/path-problem.js';
import type { ResolvedConfig } from '../resolved-config.js';
import type { ParsedConfig } from '../schema/config-schema.js';
import { attachBackups } from './resolve-backups.js';
import { attachReleases } from './resolve-release.js';
import { attachMigrations } from './resolve-migrations.js';
import { attachMirrors } from './resolve-mirror.js';
import { checkHeartbeatTokens } from './check-heartbeat-tokens.js';
import { checkProbeDependencies } from './resolve-probe-dependencies.js';
import { resolveAlerting } from './resolve-alerts.js';
import { resolveChannels } from './resolve-channels.js';
import { inFileOrder, resolveEnvironment } from './resolve-environment.js';
import type { EnvironmentInput } from './resolve-environment.js';
import { checkFits } from './resolve-probe-common.js';
import { resolveRouting } from './resolve-routing.js';
import { resolveIncidents } from './resolve-incidents.js';
import { attachStatusPages } from './resolve-status-page.js';

/** Everything `resolveConfig` needs besides the validated config. */
export interface ResolveContext {
  /** Absolute path of the config file. */
  file: string;
  secrets: string[];
  problems: ProblemSink;
  keyOrder: (path: ConfigPath) => string[];
}

/**
 * Turns the validated config into `ResolvedConfig`: applies defaults, makes paths and
 * URLs absolute, gives probes their ids, and reports what only the whole config can show
 * (a relative path without a url, a timeout longer than the interval, a shared token).
 */
export function resolveConfig(parsed: ParsedConfig, ctx: ResolveContext): ResolvedConfig {
  const dir = dirname(ctx.file);
  const defaults = parsed.defaults ?? {};
  if (defaults.every !== undefined) checkFits(defaults, defaults.every, ['defaults'], ctx.problems);
  const envCtx = { defaults, problems: ctx.problems, keyOrder: ctx.keyOrder };
  const environments = inFileOrder(parsed.environments, ctx.keyOrder(['environments'])).map((name) =>
    resolveEnvironment(name, parsed.environments[name] as EnvironmentInput, envCtx),
  );
  checkHeartbeatTokens(environments, ctx.problems);
  checkProbeDependencies(environments, ctx.problems);
  attachBackups(environments, parsed.environments, { dir, problems: ctx.problems });
  attachReleases(environments, parsed.environments, { ...envCtx, dir });
  attachMigrations(environments, parsed.environments, dir);
  attachMirrors(environments, parsed.environments, { dir, problems: ctx.problems });
  attachStatusPages(environments, parsed.environments, { project: parsed.project, problems: ctx.problems });
  const config: ResolvedConfig = {
    file: ctx.file,
    dir,
    project: parsed.project,
    server: parsed.server?.listen ? { listen: parsed.server.listen } : {},
    environments,
    alerting: resolveAlerting(
      {
        alerting: parsed.alerting,
        globalAlerts: parsed.alerts,
        envAlerts: Object.entries(parsed.environments).map(([env, e]) => ({ env, alerts: e.alerts })),
      },
      { dir, environments, problems: ctx.problems, keyOrder: ctx.keyOrder },
    ),
    channels: resolveChannels(parsed.channels, { problems: ctx.problems, keyOrder: ctx.keyOrder, secrets: ctx.secrets }),
    routing: resolveRouting(parsed, ctx.problems),
    incidents: resolveIncidents(parsed, ctx.problems),
    secrets: ctx.secrets,
  };
  if (parsed.store !== undefined) config.store = `sqlite:${isAbsolute(parsed.store) ? parsed.store : resolvePath(dir, parsed.store)}`;
  return config;
}
