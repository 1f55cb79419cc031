import type { Clock } from '../clock/index.js';
import type { ProbeConfig } from '../config/resolved-config.js';
import type { EventBus, GuardiaEvents } from '../events/index.js';
import type { Job } from '../scheduler/index.js';
import type { Store } from '../store/store.js';
import type { Labels, Tsdb } from '../tsdb/index.js';
import { HeartbeatService } from './heartbeat/heartbeat-service.js';
import { formatDuration } from './internal/format-duration.js';
import { ingestSamples, probeLabels, probeSamples } from './internal/probe-samples.js';
import { runAttempts } from './internal/run-attempts.js';
import { ProbeStateSaver } from './internal/save-probe-state.js';
import type { MetricFamily, Probe, ProbeOutcome, ProbeResult } from './probe.js';
import { createProbe } from './probe-registry.js';

export interface ProbeRunnerDeps {
  clock: Clock;
  /** Only `append` is used. */
  tsdb: Pick<Tsdb, 'append'>;
  store: Store;
  events: EventBus<GuardiaEvents>;
  /** Heartbeat state (default: a service over `store`). */
  heartbeats?: HeartbeatService;
  /** Builds the probe for a config (default: the kinds registry). */
  createProbe?: (config: ProbeConfig) => Probe;
  /** Removes secret values from reasons before they are stored or published. */
  redact?: (text: string) => string;
  /**
   * Receives, after every run, the families a probe ingested with `expose` (a scrape for
   * `/metrics`), or undefined when it has none to show (not exposed, or the run failed).
   */
  expose?: (probeId: string, families: readonly MetricFamily[] | undefined) => void;
}

/** Runs probes: retries, timeout, series, stored state and events. */
export interface ProbeRunner {
  /** Runs one probe now, records its result and returns it (`guardia probe run`, the API's "run now"). */
  runOnce(config: ProbeConfig, signal?: AbortSignal): Promise<ProbeResult>;
  /**
   * The scheduler job that runs this probe every `everyMs` (job id `probe:<probe id>`).
   * Its runs queue their `probe_state` rows for `flushStates()` instead of writing each.
   */
  toJob(config: ProbeConfig): Job;
  /** Writes the probe states queued by scheduled runs (the daemon calls it every second). */
  flushStates(): Promise<void>;
  /** Closes every probe built so far (their pools and clients). */
  close(): Promise<void>;
}

/** Slack added to a job's deadline beyond the probe's own worst case. */
const DEADLINE_SLACK_MS = 5_000;

/** Creates the runner that turns probe configs into results, series, states and events. */
export function createProbeRunner(deps: ProbeRunnerDeps): ProbeRunner {
  const { clock, tsdb, store, events } = deps;
  const redact = deps.redact ?? ((text: string) => text);
  const heartbeats = deps.heartbeats ?? new HeartbeatService({ store, clock, events });
  const build = deps.createProbe ?? ((config: ProbeConfig) => createProbe(config, { heartbeats }));
  const states = new ProbeStateSaver(store);
  const probes = new Map<ProbeConfig, Probe>();
  const labels = new WeakMap<ProbeConfig, Labels>();
  const labelsOf = (config: ProbeConfig): Labels => {
    let set = labels.get(config);
    if (!set) labels.set(config, (set = probeLabels(config.env, config.name)));
    return set;
  };
  const probeFor = (config: ProbeConfig): Probe => {
    let probe = probes.get(config);
    if (!probe) probes.set(config, (probe = build(config)));
    return probe;
  };
  async function close(): Promise<void> {
    try {
      await states.flush();
    } finally {
      const open = [...probes.values()];
      probes.clear();
      await Promise.allSettled(open.map((probe) => probe.close?.()));
    }
  }

  async function runOnce(config: ProbeConfig, signal?: AbortSignal, batched = false): Promise<ProbeResult> {
    const at = clock.now();
    const { outcome, attempts, durationMs } = await runAttempts(probeFor(config), config, clock, signal);
    // A run cancelled by shutdown or removal says nothing about the target: record nothing.
    if (signal?.aborted && !isTimeout(signal.reason)) throw signal.reason;
    const judged = applyDegradedOver(outcome, durationMs, config.degradedOverMs);
    const result: ProbeResult = {
      probeId: config.id,
      env: config.env,
      probe: config.name,
      kind: config.kind,
      status: judged.status,
      reason: redact(judged.reason),
      at,
      durationMs,
      attempts,
      metrics: judged.metrics ?? [],
    };
    const t = clock.now();
    tsdb.append(config.id, probeSamples(result, labelsOf(config), t));
    // A second batch, after the probe's own series, so a scrape at the target's series limit never displaces guardia_probe_up.
    if (judged.ingest) tsdb.append(config.id, ingestSamples(judged.ingest.families, t));
    deps.expose?.(config.id, judged.ingest?.expose ? judged.ingest.families : undefined);
    const previous = await states.save(result, batched ? 'batched' : 'now');
    events.emit('probe:result', result);
    if (previous !== result.status) {
      const { probeId, env, probe, status, reason } = result;
      events.emit('probe:state', { probeId, env, probe, from: previous ?? 'unknown', to: status, reason, at });
    }
    return result;
  }

  function toJob(config: ProbeConfig): Job {
    const worstCase = (config.retries + 1) * config.timeoutMs + config.retries * config.retryDelayMs;
    return {
      id: `probe:${config.id}`,
      everyMs: config.everyMs,
      jitterMs: config.jitterMs,
      // `jitter: 0` asks for runs in step with the start; otherwise spread probes over the period.
      spreadPhase: config.jitterMs > 0,
      deadlineMs: worstCase + DEADLINE_SLACK_MS,
      run: async (signal) => {
        await runOnce(config, signal, true);
      },
    };
  }

  return { runOnce: (config, signal) => runOnce(config, signal), toJob, close, flushStates: () => states.flush() };
}

function isTimeout(reason: unknown): boolean {
  return reason instanceof Error && reason.name === 'TimeoutError';
}

/** An up result slower than `degradedOverMs` becomes degraded: `slow: 812 ms > 500 ms`. */
function applyDegradedOver(outcome: ProbeOutcome, durationMs: number, degradedOverMs: number | undefined): ProbeOutcome {
  if (outcome.status !== 'up' || degradedOverMs === undefined || durationMs <= degradedOverMs) return outcome;
  return { ...outcome, status: 'degraded', reason: `slow: ${formatDuration(durationMs)} > ${formatDuration(degradedOverMs)}` };
}
