import { describe, expect, it } from 'vitest';
import { PromqlParseError } from '../../errors.js';
import { parseExpr } from './parse-expr.js';

function failure(text: string): PromqlParseError {
  try {
    parseExpr(text);
  } catch (error) {
    if (error instanceof PromqlParseError) return error;
    throw error;
  }
  throw new Error(`parsed ${JSON.stringify(text)}`);
}

describe('parseExpr refuses what Prometheus 2.42 refuses', () => {
  const cases: [string, string, string, number][] = [
    // lexical errors, with 2.42's messages
    ['an empty expression', '  # just a comment', 'no expression found in input', 0],
    ['an unterminated string', 'x{a="b}', 'unterminated quoted string', 4],
    ['an unknown escape', String.raw`"\q"`, "unknown escape sequence U+0071 'q'", 0],
    ['the other quote escaped', String.raw`"\'"`, "unknown escape sequence U+0027 '''", 0],
    ['a short hex escape', String.raw`"\x4"`, 'illegal character U+0022 \'"\' in escape sequence', 0],
    ['a surrogate escape', String.raw`"\uD800"`, 'escape sequence is an invalid Unicode code point', 0],
    ['an octal escape above 255', String.raw`"\400"`, 'escape sequence is an invalid Unicode code point', 0],
    ['an unterminated raw string', '`abc', 'unterminated raw string', 0],
    ['underscores in numbers', '1_000', 'bad number or duration syntax: "1"', 0],
    ['a number glued to a name', '5m + 5foo', 'bad number or duration syntax: "5"', 5],
    ['a range without unit', 'x[5]', 'missing unit character in duration', 2],
    ['an upper-case unit', 'x[5M]', 'bad duration syntax: "5"', 2],
    ['a non-ASCII name', 'foö', "unexpected character: 'ö'", 2],
    ['a Unicode space', 'x\u00a0+ 1', "unexpected character: '\\u00a0'", 1],
    ['a character inside braces', 'x{a.b="c"}', "unexpected character inside braces: '.'", 3],
    ['an unclosed parenthesis', '(x', 'unclosed left parenthesis', 2],
    ['a stray right parenthesis', 'x)', "unexpected right parenthesis ')'", 1],
    ['an unclosed bracket', 'x[5m', 'unclosed left bracket', 4],
    ['=~ outside braces', 'x =~ 1', "unexpected character after '=': '~'", 2],
    // numbers and durations
    ['a number out of range', '1e400', 'error parsing number: strconv.ParseFloat: parsing "1e400": value out of range', 0],
    ['an exponent without digits', '1e', 'parsing "1e": invalid syntax', 0],
    ['hex beyond int64', '0xFFFFFFFFFFFFFFFFF', 'invalid syntax', 0],
    ['a duration as a number', '5m', 'unexpected duration "5m"', 0],
    ['a zero range', 'x[0s]', 'duration must be greater than 0', 2],
    ['a zero offset', 'x offset -0s', 'duration must be greater than 0', 10],
    ['units out of order', 'x[30m1h]', 'not a valid duration string: "30m1h"', 2],
    ['a fractional duration', 'x[1.5h]', 'not a valid duration string: "1.5h"', 2],
    ['a duration beyond int64 nanoseconds', 'x[9223372036855ms]', 'duration out of range', 2],
    ['a number as offset', 'x offset 5', 'unexpected number "5" in offset, expected duration', 9],
    ['a plus-signed offset', 'x offset +5m', 'unexpected <op:+> in offset, expected duration', 9],
    ['two signs on an offset', 'x offset - -5m', 'unexpected <op:-> in offset, expected duration', 11],
    // syntax
    ['a dangling operator', 'x +', 'unexpected end of input', 3],
    ['two numbers in a row', '1..2', 'unexpected number ".2"', 2],
    ['a metric name keyword', 'on', 'unexpected <on>', 0],
    ['atan2 as a metric name', 'atan2 + 1', 'unexpected <op:atan2>', 0],
    ['a trailing comma in a call', 'rate(x[5m],)', 'trailing commas not allowed in function call args', 10],
    ['a missing comma in matchers', 'x{a="b" c="d"}', 'unexpected identifier "c" in label matching', 8],
    ['a comma alone in grouping', 'sum by (,) (x)', 'unexpected "," in grouping opts', 8],
    ['a number as grouping label', 'sum by (inf) (x)', 'unexpected number "inf" in grouping opts, expected label', 8],
    ['without as grouping label', 'a + on (without) b', 'unexpected <without> in grouping opts, expected label', 8],
    ['both by and without', 'sum by (a) without (b) (x)', 'unexpected <without> in aggregation', 11],
    ['bool after on()', 'a + on (x) bool b', 'unexpected <bool>', 11],
    ['group_left without on()', 'a * group_left b', 'unexpected <group_left>', 4],
    ['a call on a recording-rule name', 'job:x:rate5m(y)', 'unexpected "("', 12],
    // functions and aggregations
    ['an unknown function', 'foo(x)', 'unknown function with name "foo"', 0],
    ['a function name in upper case', 'RATE(x[5m])', 'unknown function with name "RATE"', 0],
    ['too many arguments', 'rate(x[5m], 1)', 'expected 1 argument(s) in call to "rate", got 2', 0],
    ['too few arguments to round', 'round()', 'expected at least 1 argument(s) in call to "round", got 0', 0],
    ['too many arguments to round', 'round(x, 1, 2)', 'expected at most 2 argument(s) in call to "round", got 3', 0],
    ['too few arguments to label_join', 'label_join(x, "a")', 'expected at least 3 argument(s) in call to "label_join", got 2', 0],
    ['an instant vector for rate', 'rate(x)', 'expected type range vector in call to function "rate", got instant vector', 5],
    ['a number for label_join', 'label_join(x, "a", ",", 1)', 'expected type string in call to function "label_join", got scalar', 24],
    ['a range in an aggregation', 'sum(x[5m])', 'expected type instant vector in aggregation expression, got range vector', 4],
    ['a string parameter', 'topk("3", x)', 'expected type scalar in aggregation parameter, got string', 5],
    ['a missing parameter', 'quantile(x)', 'wrong number of arguments for aggregate expression provided, expected 2, got 1', 0],
    ['an empty aggregation', 'sum()', 'no arguments for aggregate expression provided', 0],
    // selectors, ranges, offsets
    ['an empty selector', '{}', 'vector selector must contain at least one non-empty matcher', 0],
    ['a selector matching ""', '{a=~".*", b=""}', 'vector selector must contain at least one non-empty matcher', 0],
    ['a metric name given twice', 'x{__name__="y"}', 'metric name must not be set twice: "x" or "y"', 0],
    ['a broken regexp', 'x{a=~"("}', 'error parsing regexp: missing closing ): `^(?:()$`', 2],
    ['a lookahead', 'x{a=~"(?=b)"}', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`', 2],
    ['a lookbehind', 'x{a=~"(?<=b)a"}', 'error parsing regexp: invalid or unsupported Perl syntax: `(?<`', 2],
    ['a JavaScript named group', 'x{a=~"(?<n>b)"}', 'error parsing regexp: invalid or unsupported Perl syntax: `(?<`', 2],
    ['an unknown POSIX class', 'x{a=~"[[:foo:]]"}', 'error parsing regexp: invalid character class range: `[:foo:]`', 2],
    ['a regexp that matches "" in a selector without other matchers', '{a=~"(?s).*"}', 'vector selector must contain at least one non-empty matcher', 0],
    ['a backreference', String.raw`x{a=~"(a)\\1"}`, 'invalid escape sequence: `\\1`', 2],
    ['a range on parentheses', '(x)[5m]', 'ranges only allowed for vector selectors', 3],
    ['a range on a call', 'rate(x[5m])[5m]', 'ranges only allowed for vector selectors', 11],
    ['an offset before a range', 'x offset 1h [5m]', 'no offset modifiers allowed before range', 12],
    ['an offset on a call', 'sum(x) offset 1h', 'offset modifier must be preceded by an instant vector selector', 0],
    ['two offsets', 'x offset 1h offset 1m', 'offset may not be set multiple times', 0],
    // types
    ['a scalar comparison without bool', '1 > 2', 'comparisons between scalars must use BOOL modifier', 1],
    ['bool on arithmetic', 'a + bool b', 'bool modifier can only be used on comparison operators', 1],
    ['matching with a scalar', '1 + ignoring (x) a', 'vector matching only allowed between instant vectors', 0],
    ['a label in on() and group_left()', 'a + on (x) group_left (x) b', 'label "x" must not occur in ON and GROUP clause at once', 1],
    ['grouping on a set operation', 'a and on (x) group_left b', 'no grouping allowed for "and" operation', 0],
    ['a set operation on a scalar', 'a or 1', 'set operator "or" not allowed in binary scalar expression', 0],
    ['a string operand', '"a" + 1', 'binary expression must contain only scalar and instant vector types', 0],
    ['a range operand', '1 - x[5m]', 'binary expression must contain only scalar and instant vector types', 4],
    ['a sign on a range', '-x[5m]', 'unary expression only allowed on expressions of type scalar or instant vector, got "range vector"', 0],
  ];

  it.each(cases)('refuses %s', (_name, text, message, offset) => {
    const error = failure(text);
    expect(error.message).toContain(message);
    expect(error.offset).toBe(offset);
    expect(error.code).toBe('promql_invalid');
  });
});

describe('parseExpr refuses by name what guardia does not evaluate', () => {
  const cases: [string, string, number][] = [
    ['x[5m:1m]', 'a subquery is not supported by guardia', 1],
    ['max_over_time(rate(x[5m])[1h:])', 'a subquery is not supported by guardia', 25],
    ['x offset 5m [1m:]', 'a subquery is not supported by guardia', 12],
    ['x @ 1700000000', 'the @ modifier is not supported by guardia', 2],
    ['x @ start()', 'the @ modifier is not supported by guardia', 2],
    ['count_values("v", x)', 'aggregation "count_values" is not supported by guardia', 0],
    ['limitk(2, x)', 'aggregation "limitk" is not supported by guardia', 0],
    ['hour()', 'function "hour" is not supported by guardia', 0],
    ['holt_winters(x[5m], 0.5, 0.5)', 'function "holt_winters" is not supported by guardia', 0],
    ['1 + histogram_count(x)', 'function "histogram_count" is not supported by guardia', 4],
    ['sort_by_label(x, "a")', 'function "sort_by_label" is not supported by guardia', 0],
    ['x[5m+1m]', 'duration arithmetic is not supported by guardia', 2],
    ['x[5m] anchored', 'the "anchored" modifier is not supported by guardia', 0],
    ['x[5m] smoothed', 'the "smoothed" modifier is not supported by guardia', 0],
    ['a + fill(0) b', 'a fill modifier is not supported by guardia', 4],
    ['x{"job"="a"}', 'a quoted label name is not supported by guardia', 2],
    ['sum by ("job") (x)', 'a quoted label name is not supported by guardia', 8],
    ['a </ 2', 'the "</" operator is not supported by guardia', 2],
  ];

  it.each(cases)('refuses %s', (text, message, offset) => {
    const error = failure(text);
    expect(error.message).toContain(message);
    expect(error.offset).toBe(offset);
  });
});

describe('parseExpr on very large expressions', () => {
  it('parses a chain of 400 operators', () => {
    const text = Array.from({ length: 400 }, (_, i) => `x${i}`).join(' + ');
    expect(parseExpr(text).kind).toBe('binary');
  });

  it('refuses thousands of nested parentheses with a parse error, not a crash', () => {
    expect(failure(`${'('.repeat(5000)}x${')'.repeat(5000)}`).code).toBe('promql_invalid');
  });
});
