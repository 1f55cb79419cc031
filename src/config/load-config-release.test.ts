import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';
import { problemsOf, removeTempDirs, writeConfig } from './internal/config-test-kit.js';

afterAll(removeTempDirs);

const env = (release: string, probes = '    probes:\n      healthz: { http: /healthz }\n') =>
  `project: demo\nenvironments:\n  staging:\n    url: https://s.example.com\n  production:\n    url: https://api.example.com\n${probes}    release:\n${release.replace(/^/gm, '      ')}\n`;

describe('environments.*.release', () => {
  it('reads every step kind with defaults applied', async () => {
    const { file, dir } = writeConfig(
      env(`versions: "^v\\\\d+$"
requires: staging
approval: { approvers: 2 }
freeze: [ { cron: "0 17 * * 5", for: 64h, reason: weekend }, { from: "2026-12-24T00:00:00Z", to: "2026-12-26T00:00:00Z" } ]
steps:
  - npm run lint
  - backup
  - migrate
  - { migrate: db/migrations, name: schema }
  - { http: { url: "https://api.render.com/deploy/srv-x?key=k", poll: { url: "https://api.render.com/s", until: { json: { status: live } } } } }
  - { run: ./deploy.sh $VERSION, timeout: 2m }
  - { smoke: [ { http: /, every: 1m } ] }
  - { wait_healthy: { probes: [healthz] } }
watch: { for: 5m, alerts: [ServiceDown], probes: [healthz] }
rollback: [ ./deploy.sh $PREVIOUS_VERSION ]
notify: ops`),
    );
    const release = (await loadConfig(file, { env: {}, displayPath: 'guardia.yaml' })).environments[1]?.release;
    expect(release).toMatchObject({
      versions: '^v\\d+$',
      requires: 'staging',
      approval: { approvers: 2, expiresMs: 86_400_000 },
      freeze: [{ cron: '0 17 * * 5', forMs: 64 * 3_600_000, reason: 'weekend' }, { fromMs: Date.UTC(2026, 11, 24), toMs: Date.UTC(2026, 11, 26) }],
      watch: { forMs: 300_000, everyMs: 5_000, alerts: ['ServiceDown'], probes: ['healthz'] },
      rollback: [{ kind: 'run', run: './deploy.sh $PREVIOUS_VERSION', timeoutMs: 600_000 }],
      notify: ['ops'],
    });
    expect(release?.steps.map((s) => s.kind)).toEqual(['run', 'backup', 'migrate', 'migrate', 'http', 'run', 'smoke', 'wait_healthy']);
    expect(release?.steps[3]).toEqual({ kind: 'migrate', name: 'schema', dir: join(dir, 'db/migrations') });
    expect(release?.steps[4]).toMatchObject({ kind: 'http', http: { method: 'POST', poll: { untilJson: { status: 'live' }, everyMs: 5_000, timeoutMs: 600_000 } } });
    expect(release?.steps[5]).toMatchObject({ timeoutMs: 120_000 });
    expect(release?.steps[6]).toMatchObject({ kind: 'smoke', probes: [{ kind: 'http', http: { url: 'https://api.example.com/' } }] });
    expect(release?.steps[7]).toEqual({ kind: 'wait_healthy', name: 'wait_healthy', probes: ['healthz'], consecutive: 3, everyMs: 2_000, timeoutMs: 300_000 });
  });

  it('reports a step of no known kind where it is written', async () => {
    const problems = await problemsOf(env(`steps:\n  - { deploy: now }`));
    expect(problems.join('\n')).toContain('expected a step with one of run, http, migrate, smoke, wait_healthy');
  });

  it('reports an unknown required environment and unknown probes of wait_healthy and watch', async () => {
    const problems = (await problemsOf(env(`requires: qa\nsteps:\n  - { wait_healthy: { probes: [nope] } }\nwatch: { for: 1m, probes: [gone] }`))).join('\n');
    expect(problems).toContain('no environment "qa"');
    expect(problems).toContain('no probe "nope" in environment production');
    expect(problems).toContain('no probe "gone" in environment production');
  });

  it('reports a smoke probe problem at the step', async () => {
    const problems = await problemsOf(env(`steps:\n  - { smoke: [ { tcp: "no-port" } ] }`));
    expect(problems.join('\n')).toMatch(/release\.steps\[0\]\.smoke\[0\]/);
  });
});
