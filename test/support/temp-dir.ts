import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary directory. */
export function tempDir(prefix = 'guardia-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `guardia.yaml` (or `name`) into `dir` and returns its path. */
export function writeConfig(dir: string, yaml: string, name = 'guardia.yaml'): string {
  const path = join(dir, name);
  writeFileSync(path, yaml);
  return path;
}
