/**
 * Zod carries only a message string from a schema's error function to the issue list.
 * Some issues need structure (which union branch applies, which keys an object knows),
 * so those messages carry a small JSON payload behind a marker that no user text has.
 */
export type IssueNote =
  | { kind: 'branch'; index: number }
  | { kind: 'missing' }
  | { kind: 'unknown'; keys: string[]; known: string[]; hints: Record<string, string> };

const MARKER = '\u0000guardia:';

/** Encodes a note as an issue message. */
export function encodeIssueNote(note: IssueNote): string {
  return MARKER + JSON.stringify(note);
}

/** Decodes an issue message, or returns undefined for a plain message. */
export function decodeIssueNote(message: string): IssueNote | undefined {
  if (!message.startsWith(MARKER)) return undefined;
  return JSON.parse(message.slice(MARKER.length)) as IssueNote;
}
