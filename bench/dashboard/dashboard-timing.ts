import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Hono } from 'hono';

/** One measured page load, in ms. */
export interface Timing {
  ttfbMs: number;
  fullMs: number;
  bytes: number;
}

/** Loads `path` in process (`app.request`): the first byte is when the Response is ready. */
export async function timeInProcess(app: Hono, path: string): Promise<Timing> {
  const start = performance.now();
  const res = await app.request(path);
  const ttfbMs = performance.now() - start;
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return { ttfbMs, fullMs: performance.now() - start, bytes: Buffer.byteLength(body) };
}

/** Loads `url` over a real HTTP connection: first byte of the body, and its end. */
export function timeOverHttp(url: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let ttfbMs = 0;
    let bytes = 0;
    const req = request(url, { agent: false }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}`));
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) ttfbMs = performance.now() - start;
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ ttfbMs, fullMs: performance.now() - start, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The median of each figure over the runs. */
export function medianTiming(runs: readonly Timing[]): Timing {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  };
  return { ttfbMs: median(runs.map((r) => r.ttfbMs)), fullMs: median(runs.map((r) => r.fullMs)), bytes: median(runs.map((r) => r.bytes)) };
}
