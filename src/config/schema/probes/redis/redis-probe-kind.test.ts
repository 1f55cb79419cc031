import { afterAll, describe, expect, it } from 'vitest';
import { loadText, problemsOf, removeTempDirs } from '../../../internal/config-test-kit.js';

afterAll(removeTempDirs);

const withProbes = (probes: string, env = '    redis: redis://:pw@cache:6379/2\n') => `project: demo\nenvironments:\n  production:\n${env}    probes:\n${probes}`;

describe('redis probes in guardia.yaml', () => {
  it('uses the environment redis URL, or its own, with defaults', async () => {
    const config = await loadText(
      withProbes(`      cache:
        redis: {}
      locks:
        redis: { url: "redis://other:6380", keys: { orphan_locks: "lock:acc:*" }, max_keys: 500, memory_degraded_over: 80% }
`),
    );
    expect(config.environments[0]?.probes).toMatchObject([
      { name: 'cache', kind: 'redis', redis: { url: 'redis://:pw@cache:6379/2', keys: {}, maxKeys: 100_000, memoryDegradedOver: 0.9 } },
      { name: 'locks', kind: 'redis', redis: { url: 'redis://other:6380', keys: { orphan_locks: 'lock:acc:*' }, maxKeys: 500, memoryDegradedOver: 0.8 } },
    ]);
  });

  it('takes the URL from an environment variable', async () => {
    const config = await loadText(withProbes('      cache:\n        redis: { url: "${CACHE_URL}" }\n', ''), { CACHE_URL: 'rediss://:s3cret@cache:6380' });
    expect(config.environments[0]?.probes[0]).toMatchObject({ redis: { url: 'rediss://:s3cret@cache:6380' } });
    expect(config.secrets).toContain('rediss://:s3cret@cache:6380');
  });

  it('needs a URL from somewhere', async () => {
    expect(await problemsOf(withProbes('      cache:\n        redis: {}\n', ''))).toEqual([
      'guardia.yaml:6:16 environments.production.probes.cache.redis: missing the Redis URL: add "url" here or set environments.production.redis',
    ]);
  });

  it('reports bad options, each at its value', async () => {
    expect(
      await problemsOf(withProbes('      cache:\n        redis: { url: http://x, keys: { "bad name": "x*", ok: "" }, max_keys: 0, memory_degraded_over: 90, colour: red }\n')),
    ).toEqual([
      'guardia.yaml:7:23 environments.production.probes.cache.redis.url: expected a Redis URL like "redis://host:6379", got "http://x"',
      'guardia.yaml:7:41 environments.production.probes.cache.redis.keys["bad name"]: expected a name made of letters, digits and "_", like "orphan_locks", got "bad name"',
      'guardia.yaml:7:63 environments.production.probes.cache.redis.keys.ok: expected a key pattern like "lock:acc:*", got ""',
      'guardia.yaml:7:79 environments.production.probes.cache.redis.max_keys: expected a whole number from 1 to 100000000, got "0"',
      'guardia.yaml:7:104 environments.production.probes.cache.redis.memory_degraded_over: expected a percentage like "80%", got "90"',
      'guardia.yaml:7:108 environments.production.probes.cache.redis.colour: unknown key "colour"',
    ]);
  });

  it('says what the mapping looks like when given something else', async () => {
    expect(await problemsOf(withProbes('      cache:\n        redis: redis://x:6379\n'))).toEqual([
      'guardia.yaml:7:16 environments.production.probes.cache.redis: expected a mapping like {} (the environment\'s redis) or { url: "redis://host:6379" }, got "redis://x:6379"',
    ]);
  });
});
