import type { AlertmanagerWebhookPayload } from '../../src/notifiers/index.js';
import { startTarget, type HttpTarget } from './http-target.js';

/** A loopback HTTP server that keeps every Alertmanager webhook body POSTed to it. */
export interface WebhookReceiver extends HttpTarget {
  received: AlertmanagerWebhookPayload[];
  /** `status` of each body, in arrival order. */
  statuses(): string[];
}

/** Starts a receiver answering 200 to every POST. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: AlertmanagerWebhookPayload[] = [];
  const target = await startTarget((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body) as AlertmanagerWebhookPayload);
      res.writeHead(200).end();
    });
  });
  return { ...target, received, statuses: () => received.map((r) => r.status) };
}
