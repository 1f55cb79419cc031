import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { parseRunbook, readRunbook } from './parse-runbook.js';

const example = fileURLToPath(new URL('../../examples/alojamientos', import.meta.url));

describe('parseRunbook', () => {
  it('takes fenced shell blocks marked as steps, titled by the nearest heading', () => {
    const book = parseRunbook('/rb/x.md', '# Title\n\n```sh\nnot a step\n```\n\n## First\n\n```sh step\necho 1\n```\n\n~~~bash {step}\necho 2\necho 3\n~~~\n\n```python step\nprint(1)\n```\n');
    expect(book).toEqual({
      path: '/rb/x.md',
      title: 'Title',
      steps: [
        { index: 1, title: 'First', shell: 'sh', command: 'echo 1' },
        { index: 2, title: 'First', shell: 'bash', command: 'echo 2\necho 3' },
      ],
    });
  });

  it('does not take a fence inside a step block as the end of the step', () => {
    const book = parseRunbook('r.md', '````sh step\ncat <<X\n```\nX\n````\n');
    expect(book.steps.map((s) => s.command)).toEqual(['cat <<X\n```\nX']);
    expect(book.title).toBe('r.md');
  });
});

describe('the seed runbooks', () => {
  it('ship the six scenarios of seed 002, each with steps, referenced by the example rules', async () => {
    const files = readdirSync(join(example, 'runbooks')).filter((f) => f !== 'README.md').sort();
    expect(files).toEqual(['high-error-rate.md', 'high-latency.md', 'orphaned-redis-locks.md', 'service-down.md', 'stale-sync.md', 'webhooks-failing.md']);
    for (const file of files) expect((await readRunbook(join(example, 'runbooks', file))).steps.length).toBeGreaterThanOrEqual(2);
    const config = await loadConfig(join(example, 'guardia.yaml'), { env: {} });
    const referenced = config.alerting.rules.flatMap((r) => (r.runbook ? [basename(r.runbook)] : []));
    expect([...new Set(referenced)].sort()).toEqual(files);
  });

  it('lists Redis locks with SCAN, never KEYS', async () => {
    const book = await readRunbook(join(example, 'runbooks', 'orphaned-redis-locks.md'));
    for (const step of book.steps) expect(step.command).not.toMatch(/\bKEYS\b/);
    expect(book.steps.some((s) => s.command.includes("--scan --pattern 'lock:acc:*'"))).toBe(true);
  });
});
