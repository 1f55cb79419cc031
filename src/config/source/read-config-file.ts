import { readFile, stat } from 'node:fs/promises';
import { ConfigFileError } from '../../errors.js';

/** Config files are hand-written; anything bigger is a mistake (or an attack). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads a config file as UTF-8 text. Every failure is a `ConfigFileError` whose message is
 * one line naming the file as the user gave it (`shown`).
 */
export async function readConfigFile(file: string, shown = file): Promise<string> {
  const fail = (why: string): ConfigFileError => new ConfigFileError(`${shown}: ${why}`);
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw fail('is a directory; pass the path of a YAML file with -c FILE');
    if (!info.isFile()) throw fail('is not a regular file');
    if (info.size > MAX_CONFIG_BYTES) throw fail(`is larger than 1 MiB (${info.size} bytes); a config file should be far smaller`);
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof ConfigFileError) throw error;
    throw fail(describeFsError(error));
  }
  // The file may have grown between stat and read.
  if (bytes.length > MAX_CONFIG_BYTES) throw fail(`is larger than 1 MiB (${bytes.length} bytes); a config file should be far smaller`);
  return decodeText(bytes, fail);
}

function decodeText(bytes: Buffer, fail: (why: string) => ConfigFileError): string {
  if (bytes.includes(0)) throw fail('looks like a binary file (it contains NUL bytes), not YAML');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw fail('is not valid UTF-8 text; save it as UTF-8');
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file; pass -c FILE or create guardia.yaml';
    case 'ENOTDIR':
      return 'no such file (a parent is not a directory); pass -c FILE';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied; check the file permissions';
    case 'EISDIR':
      return 'is a directory; pass the path of a YAML file with -c FILE';
    default:
      return `cannot be read (${code ?? 'unknown error'})`;
  }
}
