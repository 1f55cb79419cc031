import { describe, expect, it } from 'vitest';
import { PromqlEvalError } from '../../errors.js';
import { callFunction, str, valuesOf, vector } from './testing/fn-fixtures.js';

const UP = vector(
  0,
  [{ __name__: 'up', job: 'api', instance: 'host-1:9090' }, 1],
  [{ __name__: 'up', job: 'db', instance: 'db.internal:5432', zone: 'eu' }, 0],
);
const replace = (dst: string, replacement: string, src: string, regex: string) =>
  valuesOf(callFunction('label_replace', [UP, str(dst), str(replacement), str(src), str(regex)]));

// Expected label sets are promtool 2.42's (test/conformance/promql-functions).
describe('label_replace', () => {
  it('writes the expanded replacement when the anchored regex matches, keeping the name', () => {
    expect(replace('host', '$1', 'instance', '(.*):.*')).toEqual({
      '{__name__="up", host="host-1", instance="host-1:9090", job="api"}': 1,
      '{__name__="up", host="db.internal", instance="db.internal:5432", job="db", zone="eu"}': 0,
    });
  });

  it('expands $1x as a group named "1x", like Go', () => {
    expect(replace('host', '$1x-${1}x-$$-$name-$0', 'instance', '(?P<name>[^:.]+).*')).toMatchObject({
      '{__name__="up", host="-host-1x-$-host-1-host-1:9090", instance="host-1:9090", job="api"}': 1,
    });
  });

  it('leaves samples alone on a partial match and removes the label on an empty replacement', () => {
    expect(replace('host', '$1', 'instance', 'host')).toEqual({
      '{__name__="up", instance="host-1:9090", job="api"}': 1,
      '{__name__="up", instance="db.internal:5432", job="db", zone="eu"}': 0,
    });
    expect(replace('zone', '', 'job', 'db')).toMatchObject({ '{__name__="up", instance="db.internal:5432", job="db"}': 0 });
  });

  it('matches a missing source label as "" and can rename the metric', () => {
    expect(replace('src', 'from-$1', 'missing', '(.*)')).toMatchObject({ '{__name__="up", instance="host-1:9090", job="api", src="from-"}': 1 });
    expect(replace('__name__', 'renamed_$1', 'job', '(.+)')).toMatchObject({ '{__name__="renamed_api", instance="host-1:9090", job="api"}': 1 });
  });

  it('does not let . match a newline unless (?s)', () => {
    const note = vector(0, [{ text: 'line one\nline two' }, 1]);
    const run = (regex: string) => valuesOf(callFunction('label_replace', [note, str('any'), str('$1'), str('text'), str(regex)]));
    expect(run('line (.*)')).toEqual({ '{text="line one\\nline two"}': 1 });
    expect(run('(?s)line (.*)')).toEqual({ '{any="one\\nline two", text="line one\\nline two"}': 1 });
  });

  it('rejects an invalid regex or destination name, even for an empty vector', () => {
    const run = (dst: string, regex: string) => () => callFunction('label_replace', [vector(0), str(dst), str(''), str('a'), str(regex)]);
    expect(run('x', '(a')).toThrow(PromqlEvalError);
    expect(run('x', '(a')).toThrow(/invalid regular expression in label_replace\(\): "\(a": missing closing \).*RE2 syntax/);
    expect(run('x', 'a\\1')).toThrow(/backreferences are not supported/);
    expect(run('1x', 'a')).toThrow(/invalid destination label name in label_replace\(\): "1x"/);
    expect(run('a-b', 'a')).toThrow(PromqlEvalError);
  });
});

describe('label_join', () => {
  it('joins source labels, missing ones as ""', () => {
    expect(valuesOf(callFunction('label_join', [UP, str('id'), str('/'), str('job'), str('zone'), str('instance')]))).toEqual({
      '{__name__="up", id="api//host-1:9090", instance="host-1:9090", job="api"}': 1,
      '{__name__="up", id="db/eu/db.internal:5432", instance="db.internal:5432", job="db", zone="eu"}': 0,
    });
  });

  it('removes the destination when the joined value is empty, but not when only separators remain', () => {
    expect(valuesOf(callFunction('label_join', [UP, str('job'), str('-'), str('missing')]))).toEqual({
      '{__name__="up", instance="host-1:9090"}': 1,
      '{__name__="up", instance="db.internal:5432", zone="eu"}': 0,
    });
    expect(valuesOf(callFunction('label_join', [UP, str('job'), str(','), str('missing'), str('absent')]))).toEqual({
      '{__name__="up", instance="host-1:9090", job=","}': 1,
      '{__name__="up", instance="db.internal:5432", job=",", zone="eu"}': 0,
    });
  });

  it('rejects invalid source and destination names', () => {
    expect(() => callFunction('label_join', [UP, str('id'), str(','), str('ok'), str('not ok')])).toThrow(/invalid source label name in label_join\(\): "not ok"/);
    expect(() => callFunction('label_join', [UP, str('-id'), str(','), str('job')])).toThrow(/invalid destination label name in label_join\(\)/);
  });
});
