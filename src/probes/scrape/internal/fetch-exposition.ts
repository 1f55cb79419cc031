import type { ScrapeProbeSpec } from '../../../config/resolved-config.js';

/** What Prometheus asks for when it does not want OpenMetrics. */
export const SCRAPE_ACCEPT = 'text/plain;version=0.0.4;q=1,*/*;q=0.1';

/** The exposition text, or why there is none: a non-2xx status, a body over the cap, or not text to parse. */
export type Exposition =
  | { kind: 'text'; text: string }
  | { kind: 'status'; status: number }
  | { kind: 'too_large' }
  | { kind: 'not_text'; reason: string };

/**
 * GETs an exposition with fetch (which also handles gzip), reading at most
 * `maxBodyBytes`: a larger body is cancelled as soon as it passes the cap.
 */
export async function fetchExposition(spec: ScrapeProbeSpec, signal: AbortSignal, timeoutMs: number): Promise<Exposition> {
  const response = await fetch(spec.url, {
    signal,
    redirect: 'follow',
    headers: {
      accept: SCRAPE_ACCEPT,
      'user-agent': 'guardia',
      // As Prometheus sends it, so exporters can cut their own work short.
      'x-prometheus-scrape-timeout-seconds': String(timeoutMs / 1_000),
      ...spec.headers,
    },
  });
  if (!response.ok) {
    await response.body?.cancel();
    return { kind: 'status', status: response.status };
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.startsWith('application/openmetrics-text')) {
    await response.body?.cancel();
    return { kind: 'not_text', reason: 'the target answered OpenMetrics; guardia reads the Prometheus text format 0.0.4' };
  }
  const body = await readCapped(response, spec.maxBodyBytes);
  if (body === undefined) return { kind: 'too_large' };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return { kind: 'not_text', reason: 'the exposition is not valid UTF-8' };
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
