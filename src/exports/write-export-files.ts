import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RefusedError } from '../errors.js';
import { ExportWriteError } from './export-write-error.js';
import type { ExportFile } from './export-target.js';

/** What happened to one file. */
export interface WrittenFile {
  path: string;
  action: 'created' | 'updated' | 'unchanged';
}

export interface WriteExportOptions {
  dir: string;
  /** How paths are shown (the directory as the user typed it). */
  shownDir: string;
  /** First line that marks a file as written by guardia. */
  marker: string;
  /** Overwrite files guardia did not write. */
  force: boolean;
}

/**
 * Writes the files into `dir`, creating it. Refuses (before writing anything) to replace a
 * file that does not start with the marker unless `force`; leaves identical files untouched
 * so a second run reports `unchanged`.
 */
export async function writeExportFiles(files: readonly ExportFile[], options: WriteExportOptions): Promise<WrittenFile[]> {
  const current = new Map<string, string | undefined>();
  for (const file of files) current.set(file.name, await readExisting(join(options.dir, file.name), shown(options, file.name)));
  const foreign = files.filter((f) => {
    const text = current.get(f.name);
    return text !== undefined && !text.startsWith(options.marker) && !options.force;
  });
  if (foreign.length > 0) {
    const names = foreign.map((f) => shown(options, f.name)).join(', ');
    throw new RefusedError(`${names}: not written by guardia; refusing to overwrite (use --force, or move ${foreign.length === 1 ? 'it' : 'them'} away)`);
  }
  const written: WrittenFile[] = [];
  for (const file of files) {
    const before = current.get(file.name);
    const path = shown(options, file.name);
    if (before === file.text) {
      written.push({ path, action: 'unchanged' });
      continue;
    }
    await write(options.dir, join(options.dir, file.name), file.text, path);
    written.push({ path, action: before === undefined ? 'created' : 'updated' });
  }
  return written;
}

function shown(options: WriteExportOptions, name: string): string {
  return join(options.shownDir, name);
}

async function readExisting(path: string, shownPath: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw new ExportWriteError(`${shownPath}: cannot read (${codeOf(error)})`, { cause: error });
  }
}

async function write(dir: string, path: string, text: string, shownPath: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(path, text, 'utf8');
  } catch (error) {
    throw new ExportWriteError(`${shownPath}: cannot write (${codeOf(error)})`, { cause: error });
  }
}

function isCode(error: unknown, code: string): boolean {
  return codeOf(error) === code;
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'error';
}
