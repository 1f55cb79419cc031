import { afterAll, describe, expect, it } from 'vitest';
import { loadText, problemsOf, removeTempDirs } from '../../../internal/config-test-kit.js';

afterAll(removeTempDirs);

const withProbes = (probes: string, env = '    url: https://api.example.com/v1\n') => `project: demo\nenvironments:\n  production:\n${env}    probes:\n${probes}`;

describe('scrape probes in guardia.yaml', () => {
  it('resolves a path against the environment url, with defaults', async () => {
    const config = await loadText(withProbes('      app:\n        scrape: /metrics\n'));
    expect(config.environments[0]?.probes[0]).toMatchObject({
      kind: 'scrape',
      scrape: { url: 'https://api.example.com/v1/metrics', headers: {}, expose: false, job: 'app', seriesLimit: 10_000, honorLabels: false, maxBodyBytes: 10 * 1024 * 1024 },
    });
  });

  it('reads every option of the mapping form', async () => {
    const config = await loadText(
      withProbes(
        '      node:\n        scrape: { url: "http://node:9100/metrics", expose: true, job: node, series_limit: 500, headers: { authorization: "Bearer x" }, honor_labels: true, max_body: 1MiB }\n',
      ),
    );
    expect(config.environments[0]?.probes[0]).toMatchObject({
      scrape: { url: 'http://node:9100/metrics', expose: true, job: 'node', seriesLimit: 500, headers: { authorization: 'Bearer x' }, honorLabels: true, maxBodyBytes: 1_048_576 },
    });
  });

  it('needs the environment url for a relative path', async () => {
    expect(await problemsOf(withProbes('      app:\n        scrape: /metrics\n      b:\n        scrape: { url: /m }\n', ''))).toEqual([
      'guardia.yaml:6:17 environments.production.probes.app.scrape: relative path "/metrics" needs environments.production.url',
      'guardia.yaml:8:24 environments.production.probes.b.scrape.url: relative path "/m" needs environments.production.url',
    ]);
  });

  it('reports bad options, each at its value', async () => {
    const problems = await problemsOf(
      withProbes(`      m:
        scrape: metrics
      n:
        scrape: { url: /m, expose: maybe, series_limit: 0, headers: { "a b": x }, honor_labels: 2, max_body: 10, extra: 1 }
      o:
        scrape: [/metrics]
`),
    );
    expect(problems).toEqual([
      'guardia.yaml:7:17 environments.production.probes.m.scrape: expected a path like "/metrics" or an absolute http(s) URL, got "metrics"',
      'guardia.yaml:9:36 environments.production.probes.n.scrape.expose: expected true or false, got "maybe"',
      'guardia.yaml:9:57 environments.production.probes.n.scrape.series_limit: expected a whole number from 1 to 1000000, got "0"',
      'guardia.yaml:9:71 environments.production.probes.n.scrape.headers["a b"]: expected an HTTP header name like "content-type", got "a b"',
      'guardia.yaml:9:97 environments.production.probes.n.scrape.honor_labels: expected true or false, got "2"',
      'guardia.yaml:9:110 environments.production.probes.n.scrape.max_body: expected a size like "10MiB", got "10"',
      'guardia.yaml:9:114 environments.production.probes.n.scrape.extra: unknown key "extra"',
      'guardia.yaml:11:17 environments.production.probes.o.scrape: expected a path, a URL or a mapping with "url", got a list',
    ]);
  });
});
