import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';

describe('README', () => {
  it('shows a guardia.yaml that validates', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /```yaml\n(project: shop\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const file = writeConfig(tempDir(), block as string);
    const env = { DATABASE_URL: 'postgresql://app@db/shop', REDIS_URL: 'redis://cache:6379' };
    const config = await loadConfig(file, { env });
    expect(config.environments[0]?.probes.map((p) => p.kind)).toContain('heartbeat');
  });
});
