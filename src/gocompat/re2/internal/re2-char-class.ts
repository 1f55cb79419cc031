/**
 * RE2 character classes (`[...]`, `\d`, `\pL`, `[[:alpha:]]`) rewritten as JavaScript
 * `u`-mode classes. RE2 differs from JavaScript in `\s` (no `\v`, no Unicode spaces),
 * in POSIX classes and in a leading `]` being a literal.
 */
import { Re2SyntaxError } from '../re2-syntax-error.js';
import { caseVariants, jsLiteral, type Re2Scanner } from './re2-scanner.js';

type Range = readonly [number, number];

const MAX_CODE_POINT = 0x10ffff;
const r = (lo: string, hi = lo): Range => [lo.codePointAt(0) as number, hi.codePointAt(0) as number];

const DIGIT: Range[] = [r('0', '9')];
const WORD: Range[] = [r('0', '9'), r('A', 'Z'), r('_'), r('a', 'z')];
const SPACE: Range[] = [r('\t', '\n'), r('\f', '\r'), r(' ')];

const PERL_CLASSES = new Map<string, Range[]>([['d', DIGIT], ['w', WORD], ['s', SPACE]]);

const POSIX_CLASSES = new Map<string, Range[]>([
  ['alnum', [r('0', '9'), r('A', 'Z'), r('a', 'z')]],
  ['alpha', [r('A', 'Z'), r('a', 'z')]],
  ['ascii', [[0, 0x7f]]],
  ['blank', [r('\t'), r(' ')]],
  ['cntrl', [[0, 0x1f], [0x7f, 0x7f]]],
  ['digit', DIGIT],
  ['graph', [r('!', '~')]],
  ['lower', [r('a', 'z')]],
  ['print', [r(' ', '~')]],
  ['punct', [r('!', '/'), r(':', '@'), r('[', '`'), r('{', '~')]],
  ['space', [r('\t', '\r'), r(' ')]],
  ['upper', [r('A', 'Z')]],
  ['word', WORD],
  ['xdigit', [r('0', '9'), r('A', 'F'), r('a', 'f')]],
]);

/** Code points not in the sorted, non-overlapping `ranges`. */
function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

function rangesSource(ranges: readonly Range[]): string {
  return ranges.map(([lo, hi]) => (lo === hi ? jsLiteral(lo, true) : `${jsLiteral(lo, true)}-${jsLiteral(hi, true)}`)).join('');
}

/** `\d \D \w \W \s \S` after the backslash, as class items, or undefined for other letters. */
function perlClassItems(letter: string): string | undefined {
  const ranges = PERL_CLASSES.get(letter.toLowerCase());
  if (!ranges) return undefined;
  return rangesSource(letter === letter.toLowerCase() ? ranges : complement(ranges));
}

/** `\p{Greek}`, `\pL`, `\P{^Lu}` (the `\` already read, cursor on `p`/`P`) as a JavaScript class item. */
function unicodeClassItem(scan: Re2Scanner): string {
  let negated = scan.next() === 0x50;
  let name: string;
  if (scan.peek() === 0x7b) {
    const end = scan.source.indexOf('}', scan.pos);
    if (end < 0) throw new Re2SyntaxError('invalid character class range: missing }');
    name = scan.source.slice(scan.pos + 1, end);
    scan.pos = end + 1;
  } else {
    if (scan.done) throw new Re2SyntaxError('invalid character class range: `\\p`');
    name = String.fromCodePoint(scan.next());
  }
  if (name.startsWith('^')) {
    negated = !negated;
    name = name.slice(1);
  }
  if (name === 'Any') return negated ? '' : `\\u{0}-\\u{${MAX_CODE_POINT.toString(16)}}`;
  if (!/^[A-Za-z_]+$/.test(name)) throw new Re2SyntaxError(`invalid character class range: \`${name}\``);
  // One- and two-letter names are general categories; longer ones are scripts.
  const property = name.length <= 2 ? name : `Script=${name}`;
  return `\\${negated ? 'P' : 'p'}{${property}}`;
}

/** Class items for an escape outside brackets that names a class, or undefined. */
export function escapeClass(scan: Re2Scanner): string | undefined {
  const letter = String.fromCodePoint(scan.peek());
  if (letter === 'p' || letter === 'P') return `[${unicodeClassItem(scan)}]`;
  const items = perlClassItems(letter);
  if (items === undefined) return undefined;
  scan.next();
  return `[${items}]`;
}

/**
 * Parses a bracket class (cursor on `[`) and returns its JavaScript form. With
 * `foldCase`, every listed character also matches its other-case forms.
 */
export function parseBracketClass(scan: Re2Scanner, foldCase: boolean): string {
  const start = scan.pos;
  scan.next();
  const negated = scan.peek() === 0x5e;
  if (negated) scan.next();
  const ranges: Range[] = [];
  const items: string[] = [];
  for (let first = true; first || scan.peek() !== 0x5d; first = false) {
    // Go quotes the class from its `[` to the end of the pattern.
    if (scan.done) throw new Re2SyntaxError(`missing closing ]: \`${scan.source.slice(start)}\``);
    if (scan.startsWith('[:') && readPosixClass(scan, ranges)) continue;
    if (scan.peek() === 0x5c && (scan.peek(1) === 0x70 || scan.peek(1) === 0x50)) {
      scan.next();
      items.push(unicodeClassItem(scan));
      continue;
    }
    const perl = scan.peek() === 0x5c ? perlClassItems(String.fromCodePoint(scan.peek(1))) : undefined;
    if (perl !== undefined) {
      scan.pos += 2;
      items.push(perl);
      continue;
    }
    const lo = classChar(scan);
    let hi = lo;
    if (scan.peek() === 0x2d && scan.peek(1) !== 0x5d && scan.peek(1) !== -1) {
      scan.next();
      hi = classChar(scan);
      if (hi < lo) throw new Re2SyntaxError('invalid character class range');
    }
    ranges.push([lo, hi]);
  }
  scan.next();
  const listed = foldCase ? withCaseVariants(ranges) : ranges;
  return `[${negated ? '^' : ''}${rangesSource(listed)}${items.join('')}]`;
}

function classChar(scan: Re2Scanner): number {
  const cp = scan.next();
  return cp === 0x5c ? scan.escapedChar() : cp;
}

/** `[:alpha:]` or `[:^alpha:]` at the cursor; false (cursor unmoved) when there is no `:]`. */
function readPosixClass(scan: Re2Scanner, into: Range[]): boolean {
  const end = scan.source.indexOf(':]', scan.pos + 2);
  if (end < 0) return false;
  const name = scan.source.slice(scan.pos + 2, end);
  const negated = name.startsWith('^');
  const ranges = POSIX_CLASSES.get(negated ? name.slice(1) : name);
  if (!ranges) throw new Re2SyntaxError(`invalid character class range: \`[:${name}:]\``);
  into.push(...(negated ? complement(ranges) : ranges));
  scan.pos = end + 2;
  return true;
}

/** Small ranges gain their characters' other cases; huge ones are left as they are. */
function withCaseVariants(ranges: readonly Range[]): Range[] {
  const out: Range[] = [...ranges];
  for (const [lo, hi] of ranges) {
    if (hi - lo > 0x2000) continue;
    for (let cp = lo; cp <= hi; cp++) {
      for (const variant of caseVariants(cp)) if (variant < lo || variant > hi) out.push([variant, variant]);
    }
  }
  return out;
}
