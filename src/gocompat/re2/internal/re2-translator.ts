/**
 * Go RE2 regular expressions rewritten for JavaScript's engine. Prometheus compiles
 * matcher and `label_replace()` patterns, and templates their `match`/`reReplaceAll`
 * patterns, with Go's `regexp` (RE2 syntax, Perl flags, `.` not matching `\n`); this
 * rewrites such a pattern into an equivalent JavaScript `u`-mode regex source, and
 * refuses what RE2 refuses (backreferences, lookarounds, `(?<name>`).
 */
import { Re2SyntaxError } from '../re2-syntax-error.js';
import { escapeClass, parseBracketClass } from './re2-char-class.js';
import { Re2Scanner, caseVariants, isCased, jsLiteral } from './re2-scanner.js';

/** A pattern as JavaScript source and flags, with the RE2 names of its capture groups. */
export interface Re2Translation {
  source: string;
  flags: 'u' | 'iu';
  /** Index `i` holds the name of capture group `i`, or undefined (index 0 is the whole match). */
  groupNames: (string | undefined)[];
}

interface Flags {
  foldCase: boolean;
  multiLine: boolean;
  dotNewline: boolean;
  ungreedy: boolean;
}

/** After what the last emitted piece was, a repetition operator is valid or not. */
type Last = 'none' | 'atom' | 'repeat';

const MAX_REPEAT = 1000;

/** Translates an RE2 pattern; throws `Re2SyntaxError` for anything Go's `regexp.Compile` rejects. */
export function translateRe2(pattern: string): Re2Translation {
  const first = new Re2Translator(pattern, false).translate();
  // JavaScript has no scoped case-insensitivity, so a pattern mixing (?i) and
  // case-sensitive parts spells the other cases out character by character.
  const result = first.mixedCase ? new Re2Translator(pattern, true).translate() : first;
  const flags = first.mixedCase || !first.usedFoldCase ? 'u' : 'iu';
  return { source: result.source, flags, groupNames: result.groupNames };
}

class Re2Translator {
  private readonly scan: Re2Scanner;
  private readonly out: string[] = [];
  private readonly groupNames: (string | undefined)[] = [undefined];
  private readonly stack: Flags[] = [];
  private flags: Flags = { foldCase: false, multiLine: false, dotNewline: false, ungreedy: false };
  private last: Last = 'none';
  private usedFoldCase = false;
  private usedCaseSensitive = false;

  constructor(pattern: string, private readonly spellOutCase: boolean) {
    this.scan = new Re2Scanner(pattern);
  }

  translate(): { source: string; groupNames: (string | undefined)[]; mixedCase: boolean; usedFoldCase: boolean } {
    while (!this.scan.done) this.step();
    if (this.stack.length > 0) throw new Re2SyntaxError(`missing closing ): \`${this.scan.source}\``);
    return {
      source: this.out.join(''),
      groupNames: this.groupNames,
      mixedCase: this.usedFoldCase && this.usedCaseSensitive,
      usedFoldCase: this.usedFoldCase,
    };
  }

  private step(): void {
    const scan = this.scan;
    const c = String.fromCodePoint(scan.peek());
    switch (c) {
      case '(':
        return this.openGroup();
      case ')':
        return this.closeGroup();
      case '|':
        scan.next();
        return this.emit('|', 'none');
      case '*':
      case '+':
      case '?':
        scan.next();
        return this.repeat(c);
      case '{':
        return this.brace();
      case '.':
        scan.next();
        return this.emit(this.flags.dotNewline ? '[^]' : '[^\\n]', 'atom');
      case '^':
        scan.next();
        return this.emit(this.flags.multiLine ? '(?:(?<![^\\n]))' : '(?:^)', 'atom');
      case '$':
        scan.next();
        return this.emit(this.flags.multiLine ? '(?:(?![^\\n]))' : '(?:$)', 'atom');
      case '[':
        this.noteCase(true);
        return this.emit(parseBracketClass(scan, this.flags.foldCase && this.spellOutCase), 'atom');
      case '\\':
        return this.escape();
      default:
        return this.literal(scan.next());
    }
  }

  private emit(source: string, last: Last): void {
    this.out.push(source);
    this.last = last;
  }

  private literal(cp: number): void {
    const cased = isCased(cp);
    this.noteCase(cased);
    if (this.flags.foldCase && this.spellOutCase && cased) {
      this.emit(`[${caseVariants(cp).map((v) => jsLiteral(v, true)).join('')}]`, 'atom');
    } else {
      this.emit(jsLiteral(cp, false), 'atom');
    }
  }

  /** Records whether case-carrying text appears inside or outside `(?i)`. */
  private noteCase(cased: boolean): void {
    if (!cased) return;
    if (this.flags.foldCase) this.usedFoldCase = true;
    else this.usedCaseSensitive = true;
  }

  private openGroup(): void {
    const scan = this.scan;
    if (!scan.startsWith('(?')) {
      scan.next();
      this.groupNames.push(undefined);
      return this.push('(');
    }
    if (scan.startsWith('(?P<')) {
      const end = scan.source.indexOf('>', scan.pos);
      const name = end < 0 ? '' : scan.source.slice(scan.pos + 4, end);
      // Go names the capture up to its `>`, or the rest of the pattern when there is none.
      const capture = scan.source.slice(scan.pos, end < 0 ? undefined : end + 1);
      if (!/^\w+$/.test(name)) throw new Re2SyntaxError(`invalid named capture: \`${capture}\``);
      scan.pos = end + 1;
      this.groupNames.push(name);
      return this.push('(');
    }
    this.flagGroup();
  }

  /** `(?flags)` changes the current group's flags; `(?flags:re)` opens a group with them. */
  private flagGroup(): void {
    const scan = this.scan;
    const start = scan.pos;
    scan.pos += 2;
    const flags = { ...this.flags };
    let negate = false;
    let sawFlag = false;
    for (;;) {
      const c = scan.done ? '' : String.fromCodePoint(scan.next());
      if (c === 'i' || c === 'm' || c === 's' || c === 'U') {
        setFlag(flags, c, !negate);
        sawFlag = true;
      } else if (c === '-' && !negate) {
        negate = true;
        sawFlag = false;
      } else if ((c === ':' || c === ')') && (!negate || sawFlag)) {
        if (c === ')') {
          this.flags = flags;
          return;
        }
        this.push('(?:');
        this.flags = flags;
        return;
      } else {
        throw new Re2SyntaxError(`invalid or unsupported Perl syntax: \`${scan.source.slice(start, scan.pos)}\``);
      }
    }
  }

  private push(source: string): void {
    this.stack.push(this.flags);
    this.emit(source, 'none');
  }

  private closeGroup(): void {
    this.scan.next();
    const saved = this.stack.pop();
    if (!saved) throw new Re2SyntaxError(`unexpected ): \`${this.scan.source}\``);
    this.flags = saved;
    this.emit(')', 'atom');
  }

  private repeat(op: string): void {
    if (this.last === 'none') throw new Re2SyntaxError(`missing argument to repetition operator: \`${op}\``);
    if (this.last === 'repeat') throw new Re2SyntaxError(`invalid nested repetition operator: \`${op}\``);
    let lazy = false;
    if (this.scan.peek() === 0x3f) {
      this.scan.next();
      lazy = true;
    }
    // (?U) swaps greedy and lazy.
    this.emit(op + (lazy !== this.flags.ungreedy ? '?' : ''), 'repeat');
  }

  /** `{n}`, `{n,}` or `{n,m}` is a repetition; any other `{` is a literal, as in RE2. */
  private brace(): void {
    const scan = this.scan;
    const match = /^\{(0|[1-9][0-9]*)(,(0|[1-9][0-9]*)?)?\}/.exec(scan.source.slice(scan.pos));
    if (!match) return this.literal(scan.next());
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === undefined ? -1 : Number(match[3]);
    if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
      throw new Re2SyntaxError(`invalid repeat count: \`${match[0]}\``);
    }
    scan.pos += match[0].length;
    this.repeat(match[0]);
  }

  private escape(): void {
    const scan = this.scan;
    scan.next();
    const c = scan.done ? '' : String.fromCodePoint(scan.peek());
    const assertion = ASSERTIONS.get(c);
    if (assertion !== undefined) {
      scan.next();
      return this.emit(assertion, 'atom');
    }
    if (c === 'Q') return this.quoted();
    const cls = scan.done ? undefined : escapeClass(scan);
    if (cls !== undefined) {
      this.noteCase(c === 'w' || c === 'W' || c === 'p' || c === 'P');
      return this.emit(cls, 'atom');
    }
    this.literal(scan.escapedChar());
  }

  /** `\Q...\E`: everything up to `\E` (or the end) is literal text. */
  private quoted(): void {
    const scan = this.scan;
    const end = scan.source.indexOf('\\E', scan.pos + 1);
    const text = scan.source.slice(scan.pos + 1, end < 0 ? undefined : end);
    scan.pos = end < 0 ? scan.source.length : end + 2;
    for (const char of text) this.literal(char.codePointAt(0) as number);
  }
}

const ASSERTIONS = new Map([['A', '(?:^)'], ['z', '(?:$)'], ['b', '(?:\\b)'], ['B', '(?:\\B)']]);

function setFlag(flags: Flags, flag: string, on: boolean): void {
  if (flag === 'i') flags.foldCase = on;
  else if (flag === 'm') flags.multiLine = on;
  else if (flag === 's') flags.dotNewline = on;
  else flags.ungreedy = on;
}
