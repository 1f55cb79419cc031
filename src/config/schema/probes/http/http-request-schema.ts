import * as z from 'zod';
import { GOT } from '../../../problems/path-problem.js';
import { parseSize } from '../../../values/size-parser.js';
import { booleanField } from '../../internal/boolean-field.js';
import { numberField } from '../../internal/number-field.js';
import { optional } from '../../internal/optional-field.js';
import { parsedText, typeError } from '../../internal/parsed-text.js';
import { strictObject } from '../../internal/strict-object.js';
import { byType, switchUnion } from '../../internal/switch-union.js';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const SIZE_JSON_PATTERN = '^\\d+(\\.\\d+)?\\s*([KkMmGgTt][Ii]?[Bb]|[Bb])$';
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function isTarget(text: string): boolean {
  if (text.startsWith('/')) return true;
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** A path relative to the environment's `url`, or an absolute http(s) URL; `example` appears in the error. */
export function httpTargetField(example: string) {
  const expected = `expected a path like "${example}" or an absolute http(s) URL${GOT}`;
  return z.string({ error: typeError(expected) }).refine(isTarget, { error: expected });
}

const target = httpTargetField('/health');

const method = z
  .enum([...HTTP_METHODS, ...HTTP_METHODS.map((m) => m.toLowerCase())], { error: `expected one of ${HTTP_METHODS.join(', ')}${GOT}` })
  .transform((text) => text.toUpperCase());

export const headerName = z.string().regex(HEADER_NAME, { error: `expected an HTTP header name like "content-type"${GOT}` });
const headerValue = switchUnion([z.string(), z.number(), z.boolean()], byType({ string: 0, number: 1, boolean: 2 }, `expected a header value${GOT}`)).transform(String);

const tls = strictObject({
  insecure: optional(booleanField()).describe('Accept invalid or self-signed certificates. Default: false.'),
  min_days: optional(numberField({ min: 0, max: 3650, integer: true })).describe(
    'Report degraded when the certificate expires in fewer days than this. Default: 14. 0 turns the check off.',
  ),
});

const request = strictObject({
  url: target.describe('Path relative to the environment `url` (e.g. `/health`) or an absolute http(s) URL.'),
  method: optional(method).describe(`HTTP method: ${HTTP_METHODS.join(', ')}. Default: GET.`),
  headers: optional(z.record(headerName, headerValue)).describe('Request headers, name → value.'),
  body: optional(z.string()).describe('Request body, sent as written.'),
  follow_redirects: optional(booleanField()).describe('Follow 3xx redirects. Default: true.'),
  max_redirects: optional(numberField({ min: 0, max: 20, integer: true })).describe('Most redirects to follow, 0-20. Default: 5.'),
  max_body: optional(parsedText(parseSize, 'a size like "1MiB" or "500KB"', SIZE_JSON_PATTERN)).describe(
    'Read at most this much of the body, e.g. `1MiB`, `500KB`. Default: 1MiB.',
  ),
  tls: optional(tls).describe('TLS settings for https URLs.'),
});

/** `http:` — a path or URL, or a mapping with the full request. */
export const httpRequestSchema = switchUnion(
  [target, request],
  byType({ string: 0, object: 1 }, `expected a path, a URL or a mapping with "url"${GOT}`),
).describe('What to request: a path relative to the environment `url` (`/health`), an absolute http(s) URL, or a mapping { url, method, headers, body, follow_redirects, max_redirects, max_body, tls }.');

/** The mapping form of `http:`; the short form `http: /health` is `{ url: '/health' }`. */
export type HttpRequestInput = Exclude<z.output<typeof httpRequestSchema>, string>;
