import type { ProbeConfig } from '../../config/resolved-config.js';
import { PostgresProbe, SqlProbe } from '../../probes/index.js';
import type { Probe } from '../../probes/index.js';
import type { BackupContext } from '../backup-context.js';
import type { CheckResult } from '../backup-service.js';

/**
 * Runs the drill's smoke probes once each against the restored database at `url`, as
 * `guardia probe run` would but with the probe's connection string replaced: the probes named
 * in `drill.smoke`, else every `postgres` and `sql` probe of the environment. Up or degraded
 * passes; down fails with the probe's reason. A named probe that is missing or not a database
 * probe is a failed check.
 */
export async function runSmokeProbes(ctx: BackupContext, url: string): Promise<CheckResult[]> {
  const named = ctx.config.drill.smoke;
  const chosen = named.length > 0 ? named.map((name) => ({ name, config: ctx.probes.find((p) => p.name === name) })) : ctx.probes.filter(isDatabaseProbe).map((config) => ({ name: config.name, config }));
  const checks: CheckResult[] = [];
  for (const { name, config } of chosen) {
    const check = `probe ${name}`;
    if (!config) checks.push({ name: check, passed: false, detail: `no probe "${name}" in environment ${ctx.environment}` });
    else if (!isDatabaseProbe(config)) checks.push({ name: check, passed: false, detail: `a ${config.kind} probe cannot run against a restored database (only postgres and sql probes)` });
    else checks.push({ name: check, ...(await runOnce(ctx, againstDatabase(config, url), config.timeoutMs)) });
  }
  return checks;
}

type DatabaseProbeConfig = Extract<ProbeConfig, { kind: 'postgres' | 'sql' }>;

function isDatabaseProbe(config: ProbeConfig): config is DatabaseProbeConfig {
  return config.kind === 'postgres' || config.kind === 'sql';
}

function againstDatabase(config: DatabaseProbeConfig, url: string): Probe {
  return config.kind === 'postgres' ? new PostgresProbe({ ...config.postgres, url }) : new SqlProbe({ ...config.sql, url });
}

async function runOnce(ctx: BackupContext, probe: Probe, timeoutMs: number): Promise<{ passed: boolean; detail: string }> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  try {
    const outcome = await probe.run({ signal, clock: ctx.clock, timeoutMs });
    return { passed: outcome.status !== 'down', detail: `${outcome.status}: ${outcome.reason}` };
  } finally {
    await probe.close?.();
  }
}
