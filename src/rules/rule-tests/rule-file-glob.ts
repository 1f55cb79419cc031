import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, parse, relative, resolve, sep } from 'node:path';

const META = /[*?[\\]/;

/**
 * Go's `filepath.Glob`, which promtool applies to `rule_files`: `*`, `?` and `[…]` match
 * within one path segment (no `**`), hidden files included, matches sorted per directory.
 * A pattern without wildcards yields the path if it exists. A relative pattern is read
 * against `cwd` and its matches stay relative. A bad pattern throws.
 */
export async function globFiles(pattern: string, cwd: string): Promise<string[]> {
  const absolute = resolve(cwd, pattern);
  const matches = await globAbsolute(absolute);
  return isAbsolute(pattern) ? matches : matches.map((m) => relative(cwd, m));
}

async function globAbsolute(pattern: string): Promise<string[]> {
  if (!META.test(pattern)) return (await exists(pattern)) ? [pattern] : [];
  const { root } = parse(pattern);
  const segments = pattern.slice(root.length).split(sep).filter((s) => s !== '');
  let current = [root];
  for (const [i, segment] of segments.entries()) {
    const next: string[] = [];
    for (const base of current) {
      if (!META.test(segment)) {
        const path = join(base, segment);
        if (i === segments.length - 1 ? await exists(path) : await isDirectory(path)) next.push(path);
        continue;
      }
      const matcher = segmentMatcher(segment);
      const names = await readdir(base).catch(() => [] as string[]);
      for (const name of names.sort()) if (matcher.test(name)) next.push(join(base, name));
    }
    current = next;
  }
  return current;
}

/** One path segment of a Go glob as a RegExp. */
function segmentMatcher(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '\\') source += escapeRegExp(segment[++i] ?? '\\');
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) throw new Error(`syntax error in pattern ${JSON.stringify(segment)}`);
      const body = segment.slice(i + 1, end);
      source += `[${body.startsWith('^') ? `^${body.slice(1)}` : body}]`;
      i = end;
    } else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, 's');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
