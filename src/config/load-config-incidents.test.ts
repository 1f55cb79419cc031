import { afterAll, describe, expect, it } from 'vitest';
import { loadText, MINIMAL, problemsOf, removeTempDirs } from './internal/config-test-kit.js';

afterAll(removeTempDirs);

const CHANNELS = `channels:
  oncall: { webhook: { url: "https://hooks.example.com/oncall" } }
  ops: { webhook: { url: "https://hooks.example.com/ops" } }
`;

describe('incidents config', () => {
  it('resolves policies, the severity map and escalation steps in order, with defaults for the rest', async () => {
    const config = await loadText(`${MINIMAL}${CHANNELS}incidents:
  open_on: [critical, warning]
  correlate: 5m
  auto_resolve: false
  severities:
    SEV1: { respond: 2m, escalate: [ { after: 15m, notify: [ops, oncall] }, { after: 0m, notify: oncall } ], repeat: 30m }
  map: { high: SEV1 }
`);
    expect(config.incidents).toEqual({
      openOn: ['critical', 'medium'],
      correlateMs: 300_000,
      autoResolve: false,
      map: { critical: 'SEV1', high: 'SEV1', medium: 'SEV3', low: 'SEV4' },
      severities: {
        SEV1: { respondMs: 120_000, escalate: [{ afterMs: 0, notify: ['oncall'] }, { afterMs: 900_000, notify: ['ops', 'oncall'] }], repeatMs: 1_800_000 },
        SEV2: { respondMs: 900_000, escalate: [] },
        SEV3: { respondMs: 3_600_000, escalate: [] },
        SEV4: { respondMs: 86_400_000, escalate: [] },
      },
    });
  });

  it('rejects unknown channels, severities and keys at their file:line:col', async () => {
    const problems = await problemsOf(`${MINIMAL}${CHANNELS}incidents:
  open_on: [urgent]
  severities:
    SEV1: { escalate: [ { after: 0m, notify: pager }, { after: 5m, notify: [ops, sms] } ] }
    SEV2: { repeat: 1h }
    SEV5: { respond: 1m }
  map: { critical: P1 }
`);
    expect(problems).toEqual([
      'guardia.yaml:12:13 incidents.open_on[0]: expected a severity: critical, high, medium or low, got "urgent"',
      'guardia.yaml:16:5 incidents.severities.SEV5: unknown key "SEV5"; did you mean "SEV1"?',
      'guardia.yaml:17:20 incidents.map.critical: expected an incident severity: SEV1, SEV2, SEV3 or SEV4, got "P1"',
    ]);
    const crossChecks = await problemsOf(`${MINIMAL}${CHANNELS}incidents:
  severities:
    SEV1: { escalate: [ { after: 0m, notify: pager }, { after: 5m, notify: [ops, sms] } ] }
    SEV2: { repeat: 1h }
`);
    expect(crossChecks).toEqual([
      'guardia.yaml:13:46 incidents.severities.SEV1.escalate[0].notify: unknown channel "pager"; define it under channels:',
      'guardia.yaml:13:82 incidents.severities.SEV1.escalate[1].notify[1]: unknown channel "sms"; define it under channels:',
      'guardia.yaml:14:21 incidents.severities.SEV2.repeat: expected escalation steps to repeat; add "escalate:"',
    ]);
  });
});
