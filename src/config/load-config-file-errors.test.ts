import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, ConfigFileError } from '../errors.js';
import { fileErrorOf, MINIMAL, problemsOf, tempDir, writeConfig, removeTempDirs } from './internal/config-test-kit.js';
import { loadConfig } from './load-config.js';

afterAll(removeTempDirs);

function billionLaughs(levels: number): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let previous = 'a';
  for (const name of 'bcdefghijklmnopqrstuvwxyz'.slice(0, levels)) {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    previous = name;
  }
  return `${lines.join('\n')}\n`;
}

describe('loadConfig file-level failures', () => {
  it('names a missing file and how to fix it', async () => {
    const dir = tempDir();
    expect(await fileErrorOf(join(dir, 'guardia.yaml'))).toBe('guardia.yaml: no such file; pass -c FILE or create guardia.yaml');
  });

  it('uses the path as given when no display path is set', async () => {
    const dir = tempDir();
    const file = join(dir, 'missing.yaml');
    await expect(loadConfig(file, { env: {} })).rejects.toThrow(`${file}: no such file; pass -c FILE or create guardia.yaml`);
  });

  it('refuses a directory', async () => {
    const dir = tempDir();
    expect(await fileErrorOf(dir)).toBe('guardia.yaml: is a directory; pass the path of a YAML file with -c FILE');
  });

  it('refuses a file over 1 MiB', async () => {
    const { file } = writeConfig(`${MINIMAL}#${'x'.repeat(1024 * 1024)}\n`);
    expect(await fileErrorOf(file)).toMatch(/^guardia\.yaml: is larger than 1 MiB \(\d+ bytes\); a config file should be far smaller$/);
  });

  it('refuses a binary file', async () => {
    const { file } = writeConfig(Buffer.from([0x70, 0x72, 0x00, 0x01, 0x02]));
    expect(await fileErrorOf(file)).toBe('guardia.yaml: looks like a binary file (it contains NUL bytes), not YAML');
  });

  it('refuses text that is not UTF-8', async () => {
    const { file } = writeConfig(Buffer.from('project: caf\xe9\n', 'latin1'));
    expect(await fileErrorOf(file)).toBe('guardia.yaml: is not valid UTF-8 text; save it as UTF-8');
  });

  it.each([
    ['empty', ''],
    ['only comments', '# guardia config\n# nothing yet\n'],
    ['only whitespace', '\n   \n'],
  ])('refuses a file that is %s', async (_name, text) => {
    const { file } = writeConfig(text);
    expect(await fileErrorOf(file)).toBe('guardia.yaml: is empty (or only comments); it needs at least "project:" and "environments:"');
  });

  it('refuses a top-level list', async () => {
    const { file } = writeConfig('- project: demo\n- environments: {}\n');
    expect(await fileErrorOf(file)).toBe('guardia.yaml: expected a mapping of settings at the top level, got a list');
  });

  it('refuses a top-level scalar', async () => {
    const { file } = writeConfig('just some text\n');
    expect(await fileErrorOf(file)).toBe('guardia.yaml: expected a mapping of settings at the top level, got a single value');
  });

  it('refuses several YAML documents', async () => {
    const { file } = writeConfig(`${MINIMAL}---\nproject: other\n`);
    expect(await fileErrorOf(file)).toBe('guardia.yaml: expected one YAML document, found several (remove the "---" at line 8)');
  });

  it('accepts a single document that starts with ---', async () => {
    const { file } = writeConfig(`---\n${MINIMAL}`);
    await expect(loadConfig(file, { env: {} })).resolves.toMatchObject({ project: 'demo' });
  });

  it('refuses a billion-laughs alias bomb cleanly', async () => {
    const { file } = writeConfig(billionLaughs(12));
    const error = await loadConfig(file, { env: {}, displayPath: 'guardia.yaml' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigFileError);
    expect((error as Error).message).toBe('guardia.yaml: too many YAML aliases (the document expands to an unreasonable size)');
  });

  it('allows a reasonable use of anchors and aliases', async () => {
    const config = await problemsOf(`project: demo
environments:
  production:
    probes:
      a: &probe { tcp: "db:5432", every: 10s }
      b: *probe
      c: *probe
  staging: *unknown
`);
    expect(config).toEqual(['guardia.yaml:8:12 environments.staging: unknown anchor "unknown" (define &unknown before using *unknown)']);
  });

  it('never shows a stack trace in a file error', async () => {
    const { file } = writeConfig(billionLaughs(9));
    const error = (await loadConfig(file, { env: {} }).catch((e: unknown) => e)) as Error;
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).not.toMatch(/\bat \w+ \(/);
  });
});

describe('loadConfig YAML syntax problems', () => {
  it('reports a syntax error with its position', async () => {
    expect(await problemsOf('project: demo\nenvironments:\n  production: [a, b\n  staging: {}\n')).toEqual([
      'guardia.yaml:4:3: YAML: flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('explains that ${VAR} inside braces needs quotes', async () => {
    const problems = await problemsOf('project: demo\nenvironments:\n  production:\n    probes:\n      job: { heartbeat: { period: 1d, token: ${TOKEN} } }\n');
    expect(problems[0]).toBe('guardia.yaml:5:47: YAML: unexpected flow-map-start at node end (inside { } or [ ], put "${VAR}" in quotes)');
  });

  it('keeps the first error of a cascade instead of one per token', async () => {
    const problems = await problemsOf('project: demo\nenvironments:\n  a: { x: [ }\n  b: }\n  c: }\n  d: ]\n  e: ]\n');
    expect(problems.length).toBeLessThanOrEqual(4);
    expect(problems[problems.length - 1]).toMatch(/more errors on \d+ more lines/);
  });

  it('reports duplicate keys, and the other problems with them', async () => {
    const problems = await problemsOf(`project: demo
environments:
  production:
    url: https://api.example.com
    probes:
      api:
        http: /health
        every: 10s
        every: 20s
        retries: 99
  production:
    url: https://other.example.com
`);
    expect(problems).toEqual(['guardia.yaml:9:9 environments.production.probes.api.every: duplicate key "every"', 'guardia.yaml:11:3 environments.production: duplicate key "production"']);
  });

  it('reports a YAML warning such as an unknown tag, with its path', async () => {
    expect(await problemsOf(`${MINIMAL}        every: !seconds 10\n`)).toEqual([
      'guardia.yaml:8:16 environments.production.probes.api.every: YAML: unresolved tag: !seconds',
      'guardia.yaml:8:25 environments.production.probes.api.every: expected a duration like "10s", got "10"',
    ]);
  });

  it('is a ConfigError with the problems attached', async () => {
    const { file } = writeConfig('project: demo\nenvironments: [\n');
    const error = await loadConfig(file, { env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems[0]).toMatchObject({ file, line: 3, col: 1 });
  });
});
