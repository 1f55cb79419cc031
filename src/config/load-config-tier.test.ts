import { afterAll, describe, expect, it } from 'vitest';
import { loadText, problemsOf, removeTempDirs } from './internal/config-test-kit.js';

afterAll(removeTempDirs);

describe('environment tier', () => {
  it('derives the tier from the name when tier: is absent', async () => {
    const config = await loadText(`project: demo
environments:
  Prod: {}
  stg: {}
  preview: {}
`);
    expect(config.environments.map((e) => [e.name, e.tier])).toEqual([
      ['Prod', 'production'],
      ['stg', 'staging'],
      ['preview', 'development'],
    ]);
  });

  it('takes tier: over the name', async () => {
    const config = await loadText(`project: demo
environments:
  eu-main: { tier: production }
  production: { tier: staging }
`);
    expect(config.environments.map((e) => e.tier)).toEqual(['production', 'staging']);
  });

  it('refuses an unknown tier with its position and the choices', async () => {
    expect(await problemsOf(`project: demo
environments:
  main: { tier: prod }
`)).toEqual([expect.stringMatching(/^guardia\.yaml:3:17 environments\.main\.tier: expected production, staging or development, got .*prod/)]);
  });
});
