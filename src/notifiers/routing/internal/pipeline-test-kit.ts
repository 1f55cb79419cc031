import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AlertInstance } from '../../../alerts/alert-instance.js';
import { FakeClock } from '../../../clock/index.js';
import { loadConfig, type ResolvedConfig } from '../../../config/index.js';
import { openMemoryStore, type Store } from '../../../store/index.js';
import { tempDir, writeConfig } from '../../../../test/support/temp-dir.js';
import { createNotifier } from '../../create-notifier.js';
import { NotificationPipeline } from '../../notification-pipeline.js';
import type { RetryPolicy } from '../../outbox/retry-policy.js';
import { SilenceService } from '../../silences/silence-service.js';

/** An Alertmanager-webhook receiver on loopback: records bodies, or refuses with `failWith`. */
export interface Receiver {
  url: string;
  bodies: { status: string; alerts: { status: string; labels: Record<string, string>; fingerprint: string }[]; groupKey: string }[];
  /** HTTP status to answer with (200 by default). */
  failWith: number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver = { bodies: [], failWith: 200 } as unknown as Receiver;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (receiver.failWith === 200) receiver.bodies.push(JSON.parse(body));
      res.writeHead(receiver.failWith).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

/** Loads a guardia.yaml with environments production/staging, channels `hook` and `other` at the receivers, and `routing` YAML. */
export async function routingConfig(routing: string, receivers: { hook: Receiver; other?: Receiver }): Promise<ResolvedConfig> {
  const other = receivers.other ?? receivers.hook;
  const yaml = [
    'project: demo',
    'environments:',
    '  production: { url: "https://example.com" }',
    '  staging: { url: "https://staging.example.com" }',
    'channels:',
    `  hook: { webhook: { url: "${receivers.hook.url}" } }`,
    `  other: { webhook: { url: "${other.url}" } }`,
    routing,
  ].join('\n');
  return loadConfig(writeConfig(tempDir(), yaml), { env: {} });
}

export interface PipelineRig {
  pipeline: NotificationPipeline;
  silences: SilenceService;
  store: Store;
  clock: FakeClock;
}

/** A pipeline over `store` (default: a fresh in-memory one) with the config's real channels. */
export async function openPipeline(config: ResolvedConfig, options: { store?: Store; clock?: FakeClock; retry?: Partial<RetryPolicy> } = {}): Promise<PipelineRig> {
  const clock = options.clock ?? new FakeClock(Date.UTC(2026, 2, 1, 12));
  const store = options.store ?? (await openMemoryStore({ now: () => clock.now() }));
  const silences = new SilenceService(store, clock);
  const notifiers = new Map(config.channels.map((c) => [c.name, createNotifier(c.name, c, { clock })]));
  const pipeline = new NotificationPipeline({
    routing: config.routing,
    store,
    clock,
    silences,
    notifierFor: (channel) => notifiers.get(channel),
    externalUrl: 'http://127.0.0.1:4680',
    retry: options.retry,
    onError: (error) => {
      throw error;
    },
  });
  await pipeline.start();
  return { pipeline, silences, store, clock };
}

/** An alert transition as the rules publish it. */
export function alert(name: string, state: AlertInstance['state'], at: number, extra: Partial<AlertInstance> & { labels?: Record<string, string> } = {}): AlertInstance {
  const severity = extra.severity ?? 'critical';
  const env = 'env' in extra ? extra.env : 'production';
  const labels: Record<string, string> = { alertname: name, severity, ...(env ? { env } : {}), ...extra.labels };
  const sorted = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1));
  const firedAt = extra.firedAt !== undefined ? extra.firedAt : state === 'pending' ? null : at;
  return {
    fingerprint: createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16),
    rule: name,
    env,
    state,
    severity,
    annotations: { summary: `${name} in ${env ?? 'all'}` },
    value: 1,
    activeAt: extra.activeAt ?? firedAt ?? at,
    firedAt,
    resolvedAt: state === 'resolved' ? at : null,
    updatedAt: at,
    ...extra,
    labels,
  } as AlertInstance;
}
