/** One blocking problem in a migration file. */
export interface LintFinding {
  /** The path as given (or found under a given directory). */
  file: string;
  line: number;
  /** Stable rule id, e.g. `create-index-not-concurrently`, or `parse-error`. */
  rule: string;
  message: string;
  /** The safer pattern; absent for parse errors. */
  safer?: string;
}

/** `file:line rule-id: message — safer: …` */
export function formatFinding(finding: LintFinding): string {
  const head = `${finding.file}:${finding.line} ${finding.rule}: ${finding.message}`;
  return finding.safer === undefined ? head : `${head} — safer: ${finding.safer}`;
}
