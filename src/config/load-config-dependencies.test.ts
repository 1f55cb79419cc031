import { afterAll, describe, expect, it } from 'vitest';
import { loadText, problemsOf, removeTempDirs } from './internal/config-test-kit.js';

afterAll(removeTempDirs);

const config = (production: string, staging = '      web: { http: /, every: 30s }\n') => `project: demo
environments:
  production:
    url: https://example.com
    probes:
${production}  staging:
    url: https://staging.example.com
    probes:
${staging}`;

describe('probe depends_on', () => {
  it('qualifies names to probe ids, in its own environment or another', async () => {
    const loaded = await loadText(
      config(`      database: { tcp: "db:5432" }
      api: { http: /health, depends_on: [database, staging/web] }
`),
    );
    const probes = loaded.environments[0]?.probes ?? [];
    expect(probes.find((p) => p.name === 'api')?.dependsOn).toEqual(['production/database', 'staging/web']);
    expect(probes.find((p) => p.name === 'database')?.dependsOn).toBeUndefined();
  });

  it('rejects unknown probes, itself and bad values at their file:line:col', async () => {
    const problems = await problemsOf(
      config(`      database: { tcp: "db:5432" }
      api: { http: /health, depends_on: [databse, api, staging/nope] }
      worker: { http: /w, depends_on: database }
`),
    );
    expect(problems).toEqual([
      'guardia.yaml:7:42 environments.production.probes.api.depends_on[0]: no probe "production/databse"; did you mean "production/database"?',
      'guardia.yaml:7:51 environments.production.probes.api.depends_on[1]: a probe cannot depend on itself (production/api)',
      'guardia.yaml:7:56 environments.production.probes.api.depends_on[2]: no probe "staging/nope"',
      'guardia.yaml:8:39 environments.production.probes.worker.depends_on: expected a list of probe names like [database], got "database"',
    ]);
  });

  it('refuses a cycle, once, at the first probe of it', async () => {
    const problems = await problemsOf(
      config(`      a: { tcp: "a:1", depends_on: [b] }
      b: { tcp: "b:1", depends_on: [c] }
      c: { tcp: "c:1", depends_on: [a] }
`),
    );
    expect(problems).toEqual([
      'guardia.yaml:6:37 environments.production.probes.a.depends_on[0]: depends_on makes a cycle: production/a → production/b → production/c → production/a; a probe cannot depend on itself through others',
    ]);
  });
});
