import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';
import { loadText, problemsOf, removeTempDirs, writeConfig } from './internal/config-test-kit.js';

afterAll(removeTempDirs);

const BASE = `project: demo
environments:
  production:
    url: https://api.example.com
    probes:
      api: { http: /healthz }
      nightly: { heartbeat: { period: 1d } }
    alerts:
`;

const rulesOf = async (alerts: string, tail = '') => (await loadText(`${BASE}${alerts}${tail}`)).alerting.rules;

describe('alert rules in guardia.yaml', () => {
  it('compiles the short forms to PromQL scoped to the environment', async () => {
    const rules = await rulesOf(`      Down: { down: api, severity: critical }
      Slow: { degraded: api, severity: warning }
      Missed: { missed: nightly, severity: info }
      Latency: { latency: { probe: api, over: 500ms } }
      Errors: { error_rate: { metric: http_requests_total, errors: 'status=~"5.."', over: 5%, window: 5m } }
`);
    expect(rules.map((r) => [r.name, r.expr, r.severity])).toEqual([
      ['Down', 'guardia_probe_up{env="production",probe="api"} == 0', 'critical'],
      ['Slow', 'guardia_probe_state{env="production",probe="api"} == 1', 'medium'],
      ['Missed', 'guardia_probe_up{env="production",probe="nightly"} == 0', 'low'],
      ['Latency', 'guardia_probe_duration_seconds{env="production",probe="api"} > 0.5', 'high'],
      [
        'Errors',
        'sum by (env) (rate(http_requests_total{env="production",status=~"5.."}[5m])) / sum by (env) (rate(http_requests_total{env="production"}[5m])) > 0.05',
        'high',
      ],
    ]);
  });

  it('scopes a written expr to its environment and keeps global rules as written', async () => {
    const config = await loadText(`${BASE}      Stale: { expr: 'guardia_probe_value{probe="x"} > 5', for: 1m, keep_firing_for: 30s, labels: { team: ops }, annotations: { summary: '{{ $labels.probe }} is {{ $value }}' } }
alerts:
  AnyDown: { expr: 'guardia_probe_up == 0' }
  ApiDown: { down: production/api }
alerting: { evaluation_interval: 5s, watchdog: false }
`);
    expect(config.alerting).toEqual({
      evaluationIntervalMs: 5000,
      watchdog: false,
      rules: [
        {
          name: 'Stale',
          env: 'production',
          expr: 'guardia_probe_value{probe="x",env="production"} > 5',
          forMs: 60_000,
          keepFiringForMs: 30_000,
          severity: 'high',
          labels: { team: 'ops' },
          annotations: { summary: '{{ $labels.probe }} is {{ $value }}' },
        },
        { name: 'AnyDown', env: undefined, expr: 'guardia_probe_up == 0', forMs: 0, keepFiringForMs: 0, severity: 'high', labels: {}, annotations: {} },
        { name: 'ApiDown', env: undefined, expr: 'guardia_probe_up{env="production",probe="api"} == 0', forMs: 0, keepFiringForMs: 0, severity: 'high', labels: {}, annotations: {} },
      ],
    });
  });

  it('resolves a runbook path against the config file and accepts URLs', async () => {
    const { dir, file } = writeConfig(`${BASE}      Down: { down: api, runbook: runbooks/down.md }\n      Up: { down: api, runbook: 'https://wiki.example.com/rb' }\n`);
    mkdirSync(join(dir, 'runbooks'));
    writeFileSync(join(dir, 'runbooks', 'down.md'), '# down\n');
    const rules = (await loadConfig(file, { env: {} })).alerting.rules;
    expect(rules.map((r) => r.runbook)).toEqual([join(dir, 'runbooks', 'down.md'), 'https://wiki.example.com/rb']);
  });

  it('points a PromQL error at the character in the file', async () => {
    expect(await problemsOf(`${BASE}      Bad: { expr: 'sum(rate(x[5m]) > 1' }\n`)).toEqual([
      expect.stringMatching(/^guardia\.yaml:9:40 environments\.production\.alerts\.Bad\.expr: invalid PromQL: /),
    ]);
    expect(await problemsOf(`${BASE}      Bad:\n        expr: up +\n`)).toEqual([
      expect.stringMatching(/^guardia\.yaml:10:19 environments\.production\.alerts\.Bad\.expr: invalid PromQL: unexpected end of input/),
    ]);
    expect(await problemsOf(`${BASE}      Bad:\n        expr: "rate(up) > 1"\n`)).toEqual([
      expect.stringMatching(/^guardia\.yaml:10:21 environments\.production\.alerts\.Bad\.expr: invalid PromQL: .*range vector/),
    ]);
  });

  it('reports unknown probes with did you mean, and non-heartbeats for missed', async () => {
    expect(await problemsOf(`${BASE}      A: { down: apj }\n      B: { missed: api }\n`)).toEqual([
      'guardia.yaml:9:18 environments.production.alerts.A.down: no probe "production/apj"; did you mean "api"?',
      'guardia.yaml:10:20 environments.production.alerts.B.missed: "missed" needs a heartbeat probe, and production/api is a http probe; use "down" for it',
    ]);
    expect(await problemsOf(`${BASE}      A: { down: api }\nalerts:\n  G: { down: api }\n`)).toEqual([
      'guardia.yaml:11:14 alerts.G.down: a global alert names its probe with its environment, like "production/api"; got "api"',
    ]);
  });

  it('rejects bad severities, two conditions, no condition, bad templates and missing runbooks', async () => {
    const problems = await problemsOf(`${BASE}      A: { down: api, severity: urgent }
      B: { down: api, degraded: api }
      C: { for: 1m }
      D: { down: api, annotations: { summary: '{{ $labels.x ' } }
      E: { down: api, runbook: runbooks/nope.md }
`);
    expect(problems).toEqual([
      'guardia.yaml:9:33 environments.production.alerts.A.severity: expected one of critical, high, medium, low (or warning, info), got "urgent"',
      'guardia.yaml:10:33 environments.production.alerts.B.degraded: "down" and "degraded" exclude each other: a rule checks one thing',
      expect.stringMatching(/^guardia\.yaml:11:10 environments\.production\.alerts\.C: missing what to check: add one of "expr", "down"/),
      expect.stringMatching(/^guardia\.yaml:12:\d+ environments\.production\.alerts\.D\.annotations\.summary: invalid template: /),
      expect.stringMatching(/^guardia\.yaml:13:32 environments\.production\.alerts\.E\.runbook: runbook file not found: .*nope\.md/),
    ]);
  });
});
