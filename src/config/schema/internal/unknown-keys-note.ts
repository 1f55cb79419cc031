import { encodeIssueNote } from './issue-codec.js';

/**
 * The message for unknown keys of a mapping: a note listing the known keys (for
 * "did you mean") and per-key hints such as `"expect" applies only to http probes`.
 */
export function unknownKeysNote(keys: readonly string[], known: readonly string[], hints: Record<string, string> = {}): string {
  return encodeIssueNote({ kind: 'unknown', keys: [...keys], known: [...known], hints });
}
