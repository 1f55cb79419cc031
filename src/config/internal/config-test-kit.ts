import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, ConfigFileError } from '../../errors.js';
import { loadConfig } from '../load-config.js';
import type { ResolvedConfig } from '../resolved-config.js';

// Test files create their directories under one root and remove it in `afterAll`.
let root: string | undefined;

/** A fresh empty directory under the temporary root. */
export function tempDir(): string {
  root ??= mkdtempSync(join(tmpdir(), 'guardia-config-'));
  return mkdtempSync(join(root, 'case-'));
}

/** Removes every directory `tempDir`/`writeConfig` created; call it from `afterAll`. */
export function removeTempDirs(): void {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
  root = undefined;
}

/** Writes config text (or bytes) to `guardia.yaml` in a fresh temporary directory. */
export function writeConfig(content: string | Buffer, name = 'guardia.yaml'): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, content);
  return { dir, file };
}

/** Loads config text; messages name the file `guardia.yaml`. */
export function loadText(text: string, env: NodeJS.ProcessEnv = {}): Promise<ResolvedConfig> {
  const { file } = writeConfig(text);
  return loadConfig(file, { env, displayPath: 'guardia.yaml' });
}

/** The problem lines a config text produces (fails the test if it loads). */
export async function problemsOf(text: string, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  try {
    await loadText(text, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

/** The one-line message of the `ConfigFileError` a file produces. */
export async function fileErrorOf(file: string, displayPath = 'guardia.yaml'): Promise<string> {
  try {
    await loadConfig(file, { env: {}, displayPath });
  } catch (error) {
    if (error instanceof ConfigFileError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigFileError');
}

/** A minimal valid config, for tests that add one thing to it. */
export const MINIMAL = `project: demo
environments:
  production:
    url: https://api.example.com
    probes:
      api:
        http: /health
`;
