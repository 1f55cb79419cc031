import { UsageError } from '../../errors.js';

/** Prefix of the temporary files a file repository writes before renaming; never a valid key segment. */
export const TEMP_FILE_PREFIX = '.guardia-tmp-';

/**
 * Checks a repository key (`production/app/<id>/manifest.json`): relative, `/`-separated, no
 * empty, `.` or `..` segments, no backslashes or NUL bytes. Keys may carry a backup id typed
 * by a user, so a bad one is a `UsageError` rather than a path outside the repository.
 */
export function assertValidKey(key: string): void {
  const problem = keyProblem(key, false);
  if (problem) throw new UsageError(`invalid repository key ${JSON.stringify(key)}: ${problem}`);
}

/** Like `assertValidKey`, for `list`/`deletePrefix` prefixes: may be empty or end with `/`. */
export function assertValidPrefix(prefix: string): void {
  const problem = keyProblem(prefix, true);
  if (problem) throw new UsageError(`invalid repository prefix ${JSON.stringify(prefix)}: ${problem}`);
}

function keyProblem(key: string, isPrefix: boolean): string | undefined {
  if (key === '') return isPrefix ? undefined : 'it is empty';
  if (key.startsWith('/')) return 'it must not start with "/"';
  if (key.includes('\\')) return 'it must not contain "\\"';
  if (key.includes('\0')) return 'it must not contain NUL bytes';
  const segments = key.split('/');
  if (isPrefix && segments.at(-1) === '') segments.pop();
  for (const segment of segments) {
    if (segment === '') return 'it must not contain empty segments ("//" or a trailing "/")';
    if (segment === '.' || segment === '..') return `it must not contain "${segment}" segments`;
    if (segment.startsWith(TEMP_FILE_PREFIX)) return `segments must not start with "${TEMP_FILE_PREFIX}"`;
  }
  return undefined;
}
