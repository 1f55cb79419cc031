import { afterAll, describe, expect, it } from 'vitest';
import { loadText, MINIMAL, problemsOf, removeTempDirs } from './internal/config-test-kit.js';

afterAll(removeTempDirs);

describe('status_page config', () => {
  it('resolves components in order, with the default title and incidents shown', async () => {
    const config = await loadText(`${MINIMAL}        every: 30s
      database:
        tcp: db.example.com:5432
    status_page:
      components:
        - { probe: database, name: "Database" }
        - { probe: api, name: "API" }
`);
    expect(config.environments[0]?.statusPage).toEqual({
      title: 'demo — production',
      components: [{ probe: 'database', name: 'Database' }, { probe: 'api', name: 'API' }],
      incidents: true,
    });
  });

  it('keeps title, description and incidents: false; no status_page means no page', async () => {
    const config = await loadText(`${MINIMAL}    status_page:
      title: "Acme status"
      description: "Our public services."
      incidents: false
      components: [{ probe: api, name: "API" }]
  staging:
    url: https://staging.example.com
`);
    expect(config.environments[0]?.statusPage).toEqual({ title: 'Acme status', description: 'Our public services.', components: [{ probe: 'api', name: 'API' }], incidents: false });
    expect(config.environments[1]?.statusPage).toBeUndefined();
  });

  it('rejects unknown probes, repeated names and bad keys at their file:line:col', async () => {
    expect(
      await problemsOf(`${MINIMAL}    status_page:
      components:
        - { probe: healthz, name: "API" }
        - { probe: api, name: "API" }
`),
    ).toEqual([
      'guardia.yaml:10:20 environments.production.status_page.components[0].probe: no probe "healthz" in environments.production.probes',
      'guardia.yaml:11:31 environments.production.status_page.components[1].name: two components are named "API"',
    ]);
    expect(
      await problemsOf(`${MINIMAL}    status_page:
      titel: x
      components: []
`),
    ).toEqual([
      'guardia.yaml:9:7 environments.production.status_page.titel: unknown key "titel"; did you mean "title"?',
      'guardia.yaml:10:19 environments.production.status_page.components: expected at least one component',
    ]);
  });
});
