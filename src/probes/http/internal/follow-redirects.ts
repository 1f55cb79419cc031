import type { HttpProbeSpec } from '../../../config/resolved-config.js';
import { redactUrl } from '../../internal/redact-url.js';
import type { HttpResponse } from './send-request.js';
import { sendRequest } from './send-request.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that must not follow a redirect to another origin (as browsers do). */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'transfer-encoding']);

/** The final response, or why following redirects failed. */
export type RedirectsResult = { response: HttpResponse; redirects: number } | { failure: string };

/**
 * Sends the probe's request and follows redirects by hand (relative `Location` resolved,
 * loops detected, at most `maxRedirects`), so each hop gets the same byte cap and TLS
 * settings and credentials never leak to another origin.
 */
export async function followRedirects(
  spec: HttpProbeSpec,
  wantsBody: (status: number) => boolean,
  signal: AbortSignal,
): Promise<RedirectsResult> {
  let url = new URL(spec.url);
  let method = spec.method.toUpperCase();
  let body = spec.body;
  let headers = withDefaultUserAgent(spec.headers);
  const visited = [url];
  for (let redirects = 0; ; redirects++) {
    const follow = spec.followRedirects;
    const response = await sendRequest({
      url, method, headers, body, signal,
      insecure: spec.tls.insecure,
      maxBodyBytes: spec.maxBodyBytes,
      wantsBody: (status) => !(follow && REDIRECT_STATUSES.has(status)) && wantsBody(status),
    });
    const location = response.headers.location;
    if (!follow || !REDIRECT_STATUSES.has(response.status) || !location) return { response, redirects };
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      return { failure: `HTTP ${response.status} redirects to an invalid location` };
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return { failure: `redirect to unsupported scheme ${next.protocol}` };
    if (visited.some((seen) => seen.href === next.href)) return { failure: `redirect loop: ${describeChain([...visited, next])}` };
    if (redirects + 1 > spec.maxRedirects) return { failure: `too many redirects (more than ${spec.maxRedirects})` };
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      if (method !== 'HEAD') method = 'GET';
      body = undefined;
      headers = withoutHeaders(headers, BODY_HEADERS);
    }
    if (next.origin !== url.origin) headers = withoutHeaders(headers, CREDENTIAL_HEADERS);
    visited.push(next);
    url = next;
  }
}

/** Servers' logs should show who is calling, unless the config says otherwise. */
function withDefaultUserAgent(headers: Record<string, string>): Record<string, string> {
  const hasAgent = Object.keys(headers).some((name) => name.toLowerCase() === 'user-agent');
  return hasAgent ? { ...headers } : { 'user-agent': 'guardia', ...headers };
}

function withoutHeaders(headers: Record<string, string>, drop: Set<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !drop.has(name.toLowerCase())));
}

/** `/a → /b → /a` when the chain stays on one origin, full (redacted) URLs otherwise. */
function describeChain(chain: URL[]): string {
  const origin = chain[0]?.origin;
  const sameOrigin = chain.every((u) => u.origin === origin);
  return chain.map((u) => (sameOrigin ? `${u.pathname}${u.search}` : redactUrl(u))).join(' → ');
}
