/**
 * A config value that does not parse: `expected a duration like "10s", got "10"`.
 * The schema turns it into a positioned problem; CLI flags can turn it into a usage error.
 */
export class InvalidValueError extends Error {
  constructor(
    /** What a good value looks like, e.g. `a duration like "10s"`. */
    readonly expected: string,
    /** The text as given. */
    readonly got: string,
    /** Extra detail for the user, e.g. the regex engine's complaint. */
    readonly detail?: string,
  ) {
    super(`expected ${expected}, got ${JSON.stringify(got)}${detail ? ` (${detail})` : ''}`);
    this.name = 'InvalidValueError';
  }
}
