/**
 * The secrets scanner's contract: rules are data (`secret-rules.ts`), a scan walks paths
 * and returns findings whose secret is already masked, so no caller can print it by mistake.
 */

/** How a finding shows its secret: the masked secret alone, the whole match with the secret masked, or the first line only. */
export type SecretDisplay = 'secret' | 'match' | 'first-line';

/** One kind of credential guardia recognises. */
export interface SecretRule {
  /** Stable id printed in findings (`aws-access-key-id`). */
  id: string;
  title: string;
  /** Global regex; the named group `secret` is the sensitive part (the whole match when absent). */
  pattern: RegExp;
  display: SecretDisplay;
  /** Generic rules also require a high-entropy value; specific rules trust their shape. */
  entropy?: { minLength: number; minBits: number };
  /** Placeholder-like values are findings for this rule all the same (private key headers). */
  keepPlaceholders?: boolean;
  /** The secret is a URL's password: tutorial passwords (`user:password@`) and documentation hosts (`db.example.com`) are examples. */
  urlPassword?: boolean;
}

/** One secret found in one file. */
export interface SecretFinding {
  /** Relative to the working directory when inside it, absolute otherwise. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  rule: string;
  title: string;
  /** Never the whole secret. */
  masked: string;
}

/** Files that were not scanned, by reason. */
export interface SkippedCounts {
  binary: number;
  tooLarge: number;
  symlink: number;
  unreadable: number;
}

/** Everything one scan found, sorted by file then line then column. */
export interface SecretScanResult {
  findings: SecretFinding[];
  /** Files whose text was scanned. */
  scanned: number;
  skipped: SkippedCounts;
}

/** Options of `scanSecrets()`. */
export interface SecretScanOptions {
  /** Paths are resolved against it and shown relative to it. */
  cwd: string;
  /** Files above this size are skipped (default 5 MiB). */
  maxFileBytes?: number;
}

/** The inline comment that suppresses any finding on its line. */
export const ALLOW_SECRET_MARKER = 'guardia:allow-secret';
