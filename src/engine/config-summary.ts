import type { ResolvedConfig } from '../config/index.js';
import { probeTarget } from './probe-view.js';

/** The config as the API shows it: structure and targets, never secret values. */
export function summarizeConfig(config: ResolvedConfig, redact: (text: string) => string) {
  return {
    project: config.project,
    file: config.file,
    environments: config.environments.map((env) => ({
      name: env.name,
      url: env.url === undefined ? null : redact(env.url),
      database: env.database === undefined ? null : redact(env.database),
      redis: env.redis === undefined ? null : redact(env.redis),
      probes: env.probes.map((probe) => ({
        id: probe.id,
        name: probe.name,
        kind: probe.kind,
        target: redact(probeTarget(probe)),
        everyMs: probe.everyMs,
        timeoutMs: probe.timeoutMs,
        retries: probe.retries,
      })),
    })),
  };
}
