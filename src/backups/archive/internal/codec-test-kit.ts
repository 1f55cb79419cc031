import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../../../test/support/temp-dir.js';
import { findExecutable } from '../find-executable.js';

/** An age key pair made by the real `age-keygen`: the identity file and its public recipient. */
export interface AgeKey {
  identityFile: string;
  recipient: string;
}

export function makeAgeKey(dir: string, name = 'key'): AgeKey {
  const identityFile = join(dir, `${name}.txt`);
  execFileSync('age-keygen', ['-o', identityFile], { stdio: 'ignore' });
  const recipient = execFileSync('age-keygen', ['-y', identityFile], { encoding: 'utf8' }).trim();
  return { identityFile, recipient };
}

/** An environment whose PATH has zstd but no age CLI, so the codec falls back to the package. */
export function envWithoutAge(): NodeJS.ProcessEnv {
  const bin = join(tempDir('guardia-noage-'), 'bin');
  mkdirSync(bin);
  symlinkSync(findExecutable('zstd') ?? '/usr/bin/zstd', join(bin, 'zstd'));
  return { ...process.env, PATH: bin };
}

/** A file of `mib` MiB: half random bytes, half repetitive text, like a dump's mix. */
export function writeSampleFile(path: string, mib: number): Buffer {
  const half = (mib * 1024 * 1024) / 2;
  const line = 'row 42\t{"name": "Zoë", "tags": ["a", "b"]}\t2026-11-22 02:00:00+00\n';
  const text = Buffer.from(line.repeat(Math.ceil(half / line.length))).subarray(0, half);
  const data = Buffer.concat([randomBytes(half), text]);
  writeFileSync(path, data);
  return data;
}
