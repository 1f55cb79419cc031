import { afterAll, describe, expect, it } from 'vitest';
import { loadText, MINIMAL, problemsOf, removeTempDirs } from './internal/config-test-kit.js';

afterAll(removeTempDirs);

const CHANNELS = `channels:
  ops: { webhook: { url: "https://hooks.example.com/x" } }
`;

describe('routing config', () => {
  it('resolves routes with their defaults, the default route last, inhibition and maintenance windows', async () => {
    const config = await loadText(`${MINIMAL}${CHANNELS}notify: [ops]
routes:
  - { severity: [critical, warning], env: production, channels: [ops], continue: true, group_wait: 5s }
  - { match: { team: db }, match_re: { alertname: "Pg.*" }, channels: [ops], group_by: [env], repeat_interval: 1h }
inhibit:
  - { source: { alertname: ServiceDown }, target: { severity: [medium, high] }, equal: [env] }
maintenance:
  - { name: upgrade, env: production, start: "2026-03-01T02:00:00Z", end: "2026-03-01T04:00:00+01:00" }
  - { name: weekly, cron: "0 3 * * 0", duration: 2h, timezone: Europe/Madrid, match: { team: db } }
`);
    expect(config.routing.routes).toEqual([
      { id: 'routes[0]', match: {}, matchRe: {}, severity: ['critical', 'medium'], env: ['production'], channels: ['ops'], continue: true, groupBy: ['alertname', 'env'], groupWaitMs: 5_000, groupIntervalMs: 300_000, repeatIntervalMs: 14_400_000 },
      { id: 'routes[1]', match: { team: 'db' }, matchRe: { alertname: 'Pg.*' }, channels: ['ops'], continue: false, groupBy: ['env'], groupIntervalMs: 300_000, repeatIntervalMs: 3_600_000 },
      { id: 'notify', match: {}, matchRe: {}, channels: ['ops'], continue: false, groupBy: ['alertname', 'env'], groupIntervalMs: 300_000, repeatIntervalMs: 14_400_000 },
    ]);
    expect(config.routing.inhibit).toEqual([{ source: { alertname: ['ServiceDown'] }, target: { severity: ['medium', 'high'] }, equal: ['env'] }]);
    expect(config.routing.maintenance).toEqual([
      { name: 'upgrade', env: 'production', match: {}, schedule: { kind: 'once', startMs: Date.UTC(2026, 2, 1, 2), endMs: Date.UTC(2026, 2, 1, 3) } },
      { name: 'weekly', match: { team: 'db' }, schedule: { kind: 'cron', expr: '0 3 * * 0', timezone: 'Europe/Madrid', durationMs: 7_200_000 } },
    ]);
  });

  it('reads severity words in matchers as alerts carry them (warning is medium, info is low)', async () => {
    const config = await loadText(`${MINIMAL}${CHANNELS}routes:
  - { match: { severity: warning }, channels: [ops] }
inhibit:
  - { source: { severity: critical }, target: { severity: [warning, info, high] }, equal: [env] }
maintenance:
  - { name: quiet, start: "2026-03-01T02:00:00Z", end: "2026-03-01T04:00:00Z", match: { severity: info } }
`);
    expect(config.routing.routes[0]?.match).toEqual({ severity: 'medium' });
    expect(config.routing.inhibit[0]).toMatchObject({ source: { severity: ['critical'] }, target: { severity: ['medium', 'low', 'high'] } });
    expect(config.routing.maintenance[0]?.match).toEqual({ severity: 'low' });
  });

  it('rejects malformed routes, inhibition rules and windows at their file:line:col', async () => {
    const problems = await problemsOf(`${MINIMAL}${CHANNELS}routes:
  - { severity: [urgent], channels: [ops] }
  - { channels: [ops], group_wait: soon }
  - { match_re: { alertname: "(" }, channels: [ops], colour: red }
  - { match: { env: production } }
inhibit:
  - { source: ServiceDown, target: { severity: high } }
maintenance:
  - { name: b, cron: "0 3 * * 0" }
  - { name: c, start: "tomorrow", end: "2026-03-01T02:00:00Z" }
  - { name: d, cron: "0 3 * * 0", duration: 1h, timezone: Mars/Olympus }
`);
    expect(problems).toEqual([
      'guardia.yaml:11:18 routes[0].severity[0]: expected a severity: critical, high, medium or low, got "urgent"',
      'guardia.yaml:12:36 routes[1].group_wait: expected a duration like "10s", got "soon"',
      'guardia.yaml:13:30 routes[2].match_re.alertname: expected a valid regular expression, got "(" (unterminated group)',
      'guardia.yaml:13:54 routes[2].colour: unknown key "colour"',
      'guardia.yaml:14:5 routes[3]: missing required key "channels"',
      'guardia.yaml:16:15 inhibit[0].source: expected a mapping of labels to values, got "ServiceDown"',
      'guardia.yaml:18:5 maintenance[0]: expected "duration" with a recurring window',
      'guardia.yaml:19:23 maintenance[1].start: expected an RFC 3339 time like "2026-03-01T02:00:00Z", got "tomorrow"',
      'guardia.yaml:20:59 maintenance[2].timezone: expected an IANA time zone like "Europe/Madrid", got "Mars/Olympus"',
    ]);
  });

  it('rejects unknown channels and environments and a window ending before it starts', async () => {
    const problems = await problemsOf(`${MINIMAL}${CHANNELS}notify: [pager]
routes:
  - { env: [production, nowhere], channels: [ops, slack] }
maintenance:
  - { name: a, start: "2026-03-01T04:00:00Z", end: "2026-03-01T02:00:00Z" }
`);
    expect(problems).toEqual([
      'guardia.yaml:10:10 notify[0]: unknown channel "pager"; define it under channels:',
      'guardia.yaml:12:25 routes[0].env[1]: unknown environment "nowhere"',
      'guardia.yaml:12:51 routes[0].channels[1]: unknown channel "slack"; define it under channels:',
      'guardia.yaml:14:52 maintenance[0].end: expected the end after the start',
    ]);
  });
});
