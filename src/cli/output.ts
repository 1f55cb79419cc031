import type { CliIo, GlobalOptions } from './cli-io.js';

/** Prints either the JSON object (with `--json`) or the human lines. */
export function emit(io: CliIo, options: GlobalOptions, json: unknown, human: () => string[]): void {
  if (options.json) io.stdout(JSON.stringify(json, null, 2) + '\n');
  else for (const line of human()) io.stdout(line + '\n');
}

/** Pads columns to a readable table; the last column is left ragged. */
export function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

/** "3m ago" style relative time for status tables. */
export function ago(at: number | null, now: number): string {
  if (at === null) return '-';
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86_400)}d ago`;
}
