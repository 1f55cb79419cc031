import { describe, expect, it } from 'vitest';
import { dumpPatternRegex, dumpPatternsCondition } from './dump-pattern.js';

describe('dumpPatternRegex', () => {
  it('folds unquoted names to lower case and matches visible tables without a schema', () => {
    expect(dumpPatternRegex('Audit_Log')).toEqual({ name: '^(audit_log)$' });
  });

  it('turns * and ? into regular expressions and splits schema from table', () => {
    expect(dumpPatternRegex('public.log_*')).toEqual({ schema: '^(public)$', name: '^(log_.*)$' });
    expect(dumpPatternRegex('s?.t')).toEqual({ schema: '^(s.)$', name: '^(t)$' });
  });

  it('keeps double-quoted text literally, dots and case included', () => {
    expect(dumpPatternRegex('"My.Schema"."Reservas Año*"')).toEqual({ schema: '^(My\\.Schema)$', name: '^(Reservas Año\\*)$' });
    expect(dumpPatternRegex('"a""b"')).toEqual({ name: '^(a"b)$' });
  });

  it('ignores a leading database part and refuses more', () => {
    expect(dumpPatternRegex('app.public.t')).toEqual({ schema: '^(public)$', name: '^(t)$' });
    expect(() => dumpPatternRegex('a.b.c.d')).toThrow(/too many dotted names/);
  });

  it('always escapes $', () => {
    expect(dumpPatternRegex('t$1')).toEqual({ name: '^(t\\$1)$' });
  });
});

describe('dumpPatternsCondition', () => {
  it('is false without patterns and quotes the regular expressions as literals', () => {
    expect(dumpPatternsCondition([])).toBe('false');
    expect(dumpPatternsCondition(["o'k", 's.t'])).toBe(
      "(pg_catalog.pg_table_is_visible(c.oid) and c.relname ~ '^(o''k)$') or (n.nspname ~ '^(s)$' and c.relname ~ '^(t)$')",
    );
  });
});
