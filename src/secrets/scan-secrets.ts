import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { isCodeFile } from './internal/code-file.js';
import { readTextFile } from './internal/read-text-file.js';
import { scanText } from './internal/scan-text.js';
import { walkFiles, type WalkEntry } from './internal/walk-files.js';
import type { SecretFinding, SecretScanOptions, SecretScanResult } from './secret-scan.js';

const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
// Enough reads in flight to hide disk latency without holding many 5 MiB buffers at once.
const CONCURRENT_READS = 16;

/**
 * Scans files and directories for credentials. Throws `UsageError` when a path does not exist;
 * unreadable, binary, oversized and symlinked files are counted in `skipped`, not errors.
 */
export async function scanSecrets(paths: readonly string[], options: SecretScanOptions): Promise<SecretScanResult> {
  const roots = paths.map((p) => resolve(options.cwd, p));
  for (const [i, root] of roots.entries()) {
    await stat(root).catch(() => {
      throw new UsageError(`no such file or directory: ${paths[i]}`);
    });
  }
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const result: SecretScanResult = { findings: [], scanned: 0, skipped: { binary: 0, tooLarge: 0, symlink: 0, unreadable: 0 } };
  const seen = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  for (const root of roots) {
    for await (const entry of walkFiles(root)) {
      if (seen.has(entry.path)) continue; // overlapping arguments (`. src`) scan a file once
      seen.add(entry.path);
      const task = scanEntry(entry, maxBytes, options.cwd, result).finally(() => inFlight.delete(task));
      inFlight.add(task);
      if (inFlight.size >= CONCURRENT_READS) await Promise.race(inFlight);
    }
  }
  await Promise.all(inFlight);
  result.findings.sort(compareFindings);
  return result;
}

async function scanEntry(entry: WalkEntry, maxBytes: number, cwd: string, result: SecretScanResult): Promise<void> {
  if (entry.kind !== 'file') {
    result.skipped[entry.kind] += 1;
    return;
  }
  if (entry.size > maxBytes) {
    result.skipped.tooLarge += 1;
    return;
  }
  const file = await readTextFile(entry.path);
  if (file.kind !== 'text') {
    result.skipped[file.kind] += 1;
    return;
  }
  result.scanned += 1;
  const shown = displayPath(entry.path, cwd);
  for (const found of scanText(file.text, { code: isCodeFile(entry.path) })) {
    result.findings.push({ file: shown, line: found.line, column: found.column, rule: found.rule.id, title: found.rule.title, masked: found.masked });
  }
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? path : rel;
}

function compareFindings(a: SecretFinding, b: SecretFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
