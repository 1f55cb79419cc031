import { readFile } from 'node:fs/promises';

/** A file's text, or why it is not scanned. */
export type TextFileResult = { kind: 'text'; text: string } | { kind: 'binary' } | { kind: 'unreadable' };

// Git's own heuristic looks for a NUL byte in the first 8000 bytes; we do the same on 8 KiB.
const SNIFF_BYTES = 8192;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads `path` as UTF-8 text; NUL bytes early on or invalid UTF-8 mean binary. */
export async function readTextFile(path: string): Promise<TextFileResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return { kind: 'unreadable' };
  }
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  try {
    return { kind: 'text', text: decoder.decode(bytes) };
  } catch {
    return { kind: 'binary' };
  }
}
