import * as z from 'zod';
import { GOT } from '../../../problems/path-problem.js';
import type { ScrapeProbeSpec } from '../../../resolved-config.js';
import { parseSize } from '../../../values/size-parser.js';
import { booleanField } from '../../internal/boolean-field.js';
import { numberField } from '../../internal/number-field.js';
import { optional } from '../../internal/optional-field.js';
import { parsedText, typeError } from '../../internal/parsed-text.js';
import { strictObject } from '../../internal/strict-object.js';
import { byType, switchUnion } from '../../internal/switch-union.js';
import { headerName, httpTargetField } from '../http/http-request-schema.js';
import { resolveHttpTarget } from '../http/http-url-resolver.js';
import { defineProbeKind } from '../probe-kind.js';

/** Prometheus's own default is no limit; 10,000 matches the tsdb's default series limit per target. */
export const DEFAULT_SCRAPE_SERIES_LIMIT = 10_000;
/** node_exporter on a busy host writes well under 1 MiB; 10 MiB leaves room and still bounds memory. */
export const DEFAULT_SCRAPE_MAX_BODY = 10 * 1024 * 1024;

const SIZE_JSON_PATTERN = '^\\d+(\\.\\d+)?\\s*([KkMmGgTt][Ii]?[Bb]|[Bb])$';

const target = httpTargetField('/metrics');

const scrapeOptions = strictObject({
  url: target.describe('Path relative to the environment `url` (e.g. `/metrics`) or an absolute http(s) URL.'),
  expose: optional(booleanField()).describe("Also show the scraped metrics on guardia's own `/metrics`. Default: false."),
  job: optional(z.string({ error: typeError(`expected a job name${GOT}`) }).min(1)).describe(
    'The `job` label of every scraped sample. Default: the probe name.',
  ),
  series_limit: optional(numberField({ min: 1, max: 1_000_000, integer: true })).describe(
    'Most series one scrape keeps; past it the probe is degraded and only the first series (in exposition order) are stored. Default: 10000.',
  ),
  headers: optional(z.record(headerName, z.string({ error: typeError(`expected a header value${GOT}`) }))).describe(
    'Request headers, name → value (e.g. `authorization: "Bearer ${TOKEN}"`).',
  ),
  honor_labels: optional(booleanField()).describe(
    'Keep the target\'s own `env`, `job` and `instance` labels; by default they are renamed `exported_env`… as Prometheus does. Default: false.',
  ),
  max_body: optional(parsedText(parseSize, 'a size like "10MiB"', SIZE_JSON_PATTERN)).describe(
    'Refuse expositions larger than this. Default: 10MiB.',
  ),
});

const scrapeSchema = switchUnion(
  [target, scrapeOptions],
  byType({ string: 0, object: 1 }, `expected a path, a URL or a mapping with "url"${GOT}`),
).describe(
  'Scrape a Prometheus text endpoint into the tsdb: a path relative to the environment `url` (`/metrics`), an absolute URL, or { url, expose, job, series_limit, headers, honor_labels, max_body }.',
);

/** `scrape:` probes: ingest a Prometheus endpoint (the app's `/metrics`, node_exporter…) as-is. */
export const scrapeProbeKind = defineProbeKind({
  key: 'scrape',
  shape: { scrape: scrapeSchema },
  resolve(input, ctx) {
    const short = typeof input.scrape === 'string';
    const own = typeof input.scrape === 'string' ? { url: input.scrape } : input.scrape;
    const scrape: ScrapeProbeSpec = {
      url: resolveHttpTarget(own.url, ctx, short ? ['scrape'] : ['scrape', 'url']),
      headers: own.headers ?? {},
      expose: own.expose ?? false,
      job: own.job ?? ctx.common.name,
      seriesLimit: own.series_limit ?? DEFAULT_SCRAPE_SERIES_LIMIT,
      honorLabels: own.honor_labels ?? false,
      maxBodyBytes: own.max_body ?? DEFAULT_SCRAPE_MAX_BODY,
    };
    return { kind: 'scrape', scrape };
  },
});
