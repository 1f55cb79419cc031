import http from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';

export interface HttpRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
  insecure: boolean;
  maxBodyBytes: number;
  /** Decides from the status whether the body is worth reading; otherwise the socket is closed at once. */
  wantsBody(status: number): boolean;
  signal: AbortSignal;
}

export interface HttpResponse {
  url: URL;
  status: number;
  headers: IncomingHttpHeaders;
  /** The body, or undefined when it was not read or was larger than `maxBodyBytes`. */
  body: Buffer | undefined;
  bodyTooLarge: boolean;
  /** Expiry of the server certificate (https only), epoch ms. */
  certificateValidTo?: number;
}

/**
 * Shared by every probe, without keep-alive, so no socket outlives its exchange and no agent is
 * built per request (at thousands of probes a minute those agents and their maps were a steady
 * stream of garbage into old space). No TLS session cache: a resumed session may not show the
 * certificate, whose expiry every https probe checks.
 */
const AGENTS = {
  http: new http.Agent({ keepAlive: false }),
  https: new https.Agent({ keepAlive: false, maxCachedSessions: 0 }),
};

/**
 * One HTTP exchange over a fresh connection (no pooled socket outlives the probe). The body is read up to `maxBodyBytes`; past that the socket is destroyed, so a
 * 50 MB answer costs at most the cap in memory.
 */
export function sendRequest(request: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const { url } = request;
    const [client, agent] = url.protocol === 'https:' ? [https, AGENTS.https] : [http, AGENTS.http];
    const req = client.request(
      url,
      { method: request.method, headers: request.headers, agent, rejectUnauthorized: !request.insecure, signal: request.signal },
      (res) => {
        const head = responseHead(url, res);
        if (!request.wantsBody(head.status) || request.method === 'HEAD') {
          res.destroy();
          return resolve({ ...head, body: undefined, bodyTooLarge: false });
        }
        readBody(res, request.maxBodyBytes).then((body) => resolve({ ...head, ...body }), reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

function responseHead(url: URL, res: IncomingMessage): Omit<HttpResponse, 'body' | 'bodyTooLarge'> {
  const head: Omit<HttpResponse, 'body' | 'bodyTooLarge'> = { url, status: res.statusCode ?? 0, headers: res.headers };
  const socket = res.socket as TLSSocket | null;
  if (socket && typeof socket.getPeerCertificate === 'function') {
    const validTo = Date.parse(socket.getPeerCertificate().valid_to ?? '');
    if (Number.isFinite(validTo)) head.certificateValidTo = validTo;
  }
  return head;
}

function readBody(res: IncomingMessage, maxBytes: number): Promise<{ body: Buffer | undefined; bodyTooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    res.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        chunks.length = 0;
        res.destroy();
        return resolve({ body: undefined, bodyTooLarge: true });
      }
      chunks.push(chunk);
    });
    res.on('end', () => {
      if (done) return;
      done = true;
      resolve({ body: Buffer.concat(chunks), bodyTooLarge: false });
    });
    res.on('error', (error) => {
      if (done) return;
      done = true;
      reject(error);
    });
    res.on('close', () => {
      if (done) return;
      done = true;
      reject(Object.assign(new Error('connection closed before the body was complete'), { code: 'ECONNRESET' }));
    });
  });
}
