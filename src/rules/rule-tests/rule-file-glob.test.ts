import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';
import { globFiles } from './rule-file-glob.js';

function tree(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'rules', 'nested'), { recursive: true });
  for (const name of ['rules/b.yml', 'rules/a.yml', 'rules/.hidden.yml', 'rules/c.yaml', 'rules/nested/d.yml', 'top.yml']) writeFileSync(join(dir, name), '');
  return dir;
}

describe('globFiles', () => {
  it('matches within one directory level, sorted, hidden files included, like Go filepath.Glob', async () => {
    const dir = tree();
    expect(await globFiles('rules/*.yml', dir)).toEqual(['rules/.hidden.yml', 'rules/a.yml', 'rules/b.yml']);
    expect(await globFiles('rules/?.y*', dir)).toEqual(['rules/a.yml', 'rules/b.yml', 'rules/c.yaml']);
    expect(await globFiles('rules/[ab].yml', dir)).toEqual(['rules/a.yml', 'rules/b.yml']);
    expect(await globFiles('rules/[^a].yml', dir)).toEqual(['rules/b.yml']);
    expect(await globFiles('*/nested/*.yml', dir)).toEqual(['rules/nested/d.yml']);
  });

  it('returns a plain path when it exists, and nothing otherwise', async () => {
    const dir = tree();
    expect(await globFiles('top.yml', dir)).toEqual(['top.yml']);
    expect(await globFiles('missing.yml', dir)).toEqual([]);
    expect(await globFiles('nowhere/*.yml', dir)).toEqual([]);
  });

  it('keeps absolute patterns absolute', async () => {
    const dir = tree();
    expect(await globFiles(join(dir, 'rules', 'a.*'), '/')).toEqual([join(dir, 'rules', 'a.yml')]);
  });

  it('refuses a malformed character class', async () => {
    await expect(globFiles('rules/[ab.yml', tree())).rejects.toThrow('syntax error in pattern');
  });
});
