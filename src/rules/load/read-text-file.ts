import { readFile } from 'node:fs/promises';
import { ConfigFileError } from '../../errors.js';

/** Rule and test files are hand-written; anything this big is a mistake. */
const MAX_BYTES = 16 * 1024 * 1024;

/** Reads a UTF-8 file; every failure is a one-line `ConfigFileError` naming the file as `shown`. */
export async function readTextFile(path: string, shown: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a YAML file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'unknown error'})`;
    throw new ConfigFileError(`${shown}: ${why}`, { cause: error });
  }
  if (bytes.length > MAX_BYTES) throw new ConfigFileError(`${shown}: is larger than 16 MiB; split it into smaller files`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigFileError(`${shown}: is not valid UTF-8 text; save it as UTF-8`);
  }
}
