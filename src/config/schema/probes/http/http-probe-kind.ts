import type { HttpProbeSpec } from '../../../resolved-config.js';
import { optional } from '../../internal/optional-field.js';
import { defineProbeKind } from '../probe-kind.js';
import { DEFAULT_HEALTH, healthSchema } from './health-schema.js';
import { httpExpectSchema } from './http-expect-schema.js';
import { httpRequestSchema } from './http-request-schema.js';
import type { HttpRequestInput } from './http-request-schema.js';
import { resolveHttpTarget } from './http-url-resolver.js';

const DEFAULT_MAX_BODY = 1024 * 1024;
const DEFAULT_STATUS = [{ min: 200, max: 299 }];

/** `http:` probes: request a URL and check the response. */
export const httpProbeKind = defineProbeKind({
  key: 'http',
  shape: {
    http: httpRequestSchema,
    expect: optional(httpExpectSchema),
    health: optional(healthSchema),
  },
  resolve(input, ctx) {
    const short = typeof input.http === 'string';
    const request: HttpRequestInput = typeof input.http === 'string' ? { url: input.http } : input.http;
    const expect = input.expect ?? {};
    const http: HttpProbeSpec = {
      url: resolveHttpTarget(request.url, ctx, short ? ['http'] : ['http', 'url']),
      method: request.method ?? 'GET',
      headers: request.headers ?? {},
      body: request.body,
      followRedirects: request.follow_redirects ?? true,
      maxRedirects: request.max_redirects ?? 5,
      maxBodyBytes: request.max_body ?? DEFAULT_MAX_BODY,
      tls: { insecure: request.tls?.insecure ?? false, minDays: request.tls?.min_days ?? 14 },
      expect: {
        status: expect.status ?? DEFAULT_STATUS,
        // `json:` with nothing after it sets no expectation.
        json: expect.json ?? undefined,
        jsonPath: expect.json_path ?? [],
        body: expect.body,
        headers: Object.fromEntries(Object.entries(expect.headers ?? {}).map(([name, re]) => [name.toLowerCase(), re])),
        maxLatencyMs: expect.max_latency,
      },
      health: input.health ?? DEFAULT_HEALTH,
    };
    return { kind: 'http', http };
  },
});
