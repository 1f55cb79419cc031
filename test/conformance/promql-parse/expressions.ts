/**
 * Expressions whose acceptance guardia's parser must share with Prometheus 2.42:
 * `promtool check rules` accepts exactly the `valid` ones, and `parseExpr` accepts the
 * valid ones except those marked `unsupported`, which it refuses naming the construct.
 */
export interface ParseCase {
  expr: string;
  /** Whether Prometheus 2.42 accepts the expression. */
  valid: boolean;
  /** A fragment of guardia's refusal, naming the construct it does not evaluate. */
  unsupported?: string;
}

const ok = (expr: string): ParseCase => ({ expr, valid: true });
const bad = (expr: string, unsupported?: string): ParseCase => (unsupported ? { expr, valid: false, unsupported } : { expr, valid: false });
const refused = (expr: string, unsupported: string): ParseCase => ({ expr, valid: true, unsupported });

export const PARSE_CASES: readonly ParseCase[] = [
  // numbers
  ok('1'), ok('-1.5e3'), ok('.5'), ok('1.'), ok('1.e5'), ok('0x1f'), ok('0X1F'), ok('010'), ok('019'),
  ok('Inf'), ok('-inf'), ok('NaN'), ok('nAn'), ok('1e-400'), ok('99999999999999999999'), ok('0x1e3'),
  bad('1_000'), bad('1e400'), bad('1e'), bad('0x'), bad('0xFFFFFFFFFFFFFFFFF'), bad('5foo'), bad('1..2'), bad('5m'),
  bad('.'), bad('inf{a="b"}'),
  // strings
  ok('"a\\nb\\t\\\\\\""'), ok("'it\\'s'"), ok('`raw\\n`'), ok('"\\x41\\101\\u00e9\\U0001F600"'), ok('"\\xff"'),
  bad('"a\\\'b"'), bad("'a\\\"b'"), bad('"\\q"'), bad('"\\x4"'), bad('"\\400"'), bad('"\\uD800"'),
  bad('"\\U00110000"'), bad('"unterminated'), bad('`unterminated'),
  // selectors and matchers
  ok('foo'), ok('foo:bar:baz'), ok(':foo'), ok('_foo'), ok('foo{}'), ok('{a=~".+"}'), ok('{a!~""}'),
  ok('{__name__="foo"}'), ok('{__name__="foo", __name__="bar"}'), ok('foo{a="b",}'),
  ok('foo{on="x", inf="y", offset="z", sum="w"}'), ok("foo{a='x', b=`y\\d`}"), ok('foo{a=~"(?i)x"}'),
  ok('foo # trailing comment'),
  bad('{}'), bad('{a=""}'), bad('{a=~".*"}'), bad('foo{__name__="bar"}'), bad('foo{__name__=~"bar"}'),
  bad('foo{a:b="c"}'), bad('foo{a.b="c"}'), bad('foo{a="b" b="c"}'), bad('foo{,}'), bad('foo{a="b"'),
  bad('foo{a="b"}{c="d"}'), bad('foö'), bad('foo;'), bad('foo{a=~"("}'), bad('foo{a=~"(?=x)"}'),
  bad('foo{a=~"\\\\1"}'), bad('foo{a=~"x**"}'), bad('foo{"a"="b"}', 'quoted label name'),
  ok('foo{a=~"(?s).*"}'), ok('foo{a=~"(?P<n>x)"}'), ok('foo{a=~"a(?i)b"}'), ok('foo{a=~"(?i:a)b(?-s:.)"}'),
  ok('foo{a=~"\\\\pL+\\\\p{Greek}"}'), ok('foo{a=~"[[:alpha:]]\\\\Qa.b\\\\E\\\\Aa\\\\z\\\\x{41}"}'),
  bad('foo{a=~"(?<=x)y"}'), bad('foo{a=~"(?<n>x)"}'), bad('foo{a=~"[[:foo:]]"}'), bad('foo{a=~"(?P<>x)"}'),
  bad('foo{a=~"\\\\8"}'), bad('foo{a=~"x{1001}"}'), bad('{a=~"(?s).*"}'),
  // keywords as names
  ok('sum'), ok('by'), ok('offset'), ok('start'), ok('without'), ok('count_values'), ok('sum{a="b"}'),
  ok('offset offset 5m'), ok('foo + offset'), ok('offset{a="b"}'), ok('sum offset 5m'), ok('sum[5m]'),
  ok('rate(offset[5m])'), ok('SUM(foo) BY (a)'), ok('foo * ON(a) GROUP_LEFT(b) bar'), ok('foo Offset 5m'),
  ok('sum by (on, offset, bool, group_left, atan2, start) (foo)'), ok('sum by (by) (x)'),
  bad('on'), bad('bool'), bad('atan2'), bad('sum by (inf) (foo)'), bad('sum by (without) (x)'),
  bad('foo + on(without) bar'),
  // durations, ranges, offsets
  ok('foo[5m]'), ok('foo[ 5m ]'), ok('foo [5m]'), ok('foo[1h30m]'), ok('foo[1s500ms]'), ok('foo[292y]'),
  ok('foo[9223372036854ms]'), ok('foo[5m] offset 1h'), ok('foo offset -5m'), ok('foo offset - 5m'),
  ok('foo[5m] offset -1h'), ok('foo offset 1y2w3d4h5m6s7ms'), ok('x - x offset 1w'), ok('-x offset 5m'),
  ok('rate(foo[5m] offset 1m)'), ok('sum(foo offset 5m)'),
  bad('foo[5]'), bad('foo[0s]'), bad('foo[-5m]'), bad('foo[5M]'), bad('foo[30m1h]'), bad('foo[1.5h]'),
  bad('foo[1hs]'), bad('foo[300y]'), bad('foo[9223372036855ms]'), bad('foo offset 0s'), bad('foo offset -0s'),
  bad('foo offset 5'), bad('foo offset +5m'), bad('foo offset -(5m)', 'duration arithmetic'), bad('foo offset5m'),
  bad('foo offset 1h [5m]'), bad('(foo)[5m]'), bad('foo[5m][1m]'), bad('(foo) offset 5m'),
  bad('rate(foo[5m]) offset 5m'), bad('foo offset 5m offset 1m'), bad('foo[5m'), bad('foo]'),
  bad('foo[5m+1m]', 'duration arithmetic'), bad('foo[5m] anchored', '"anchored" modifier'),
  // functions
  ok('rate(foo[5m])'), ok('label_join(foo, "a", ",")'), ok('label_join(foo, "a", ",", "b", "c")'),
  ok('label_replace(foo, "a", "$1", "c", "(.*)")'), ok('histogram_quantile(0.9, foo)'),
  ok('quantile_over_time(0.5, foo[5m])'), ok('predict_linear(foo[5m], 60)'), ok('round(foo)'), ok('round(foo, 0.5)'),
  ok('clamp(foo, 0, 1)'), ok('vector(time())'), ok('scalar(foo) + 1 > bool 2'), ok('absent(foo)'),
  ok('absent_over_time(foo[5m])'), ok('timestamp(foo)'), ok('sort_desc(foo)'),
  refused('hour()', 'function "hour"'), refused('pi()', 'function "pi"'), refused('histogram_count(foo)', 'function "histogram_count"'),
  refused('holt_winters(foo[5m], 0.5, 0.5)', 'function "holt_winters"'), refused('sin(foo)', 'function "sin"'),
  bad('foo(bar)'), bad('RATE(foo[5m])'), bad('foo:bar(x)'), bad('rate(foo)'), bad('rate(foo[5m], 1)'),
  bad('rate(foo[5m],)'), bad('round()'), bad('round(foo, 1, 2)'), bad('time(1)'), bad('absent(foo[5m])'),
  bad('label_replace(foo, "a", "b", "c", 1)'), bad('label_join(foo, "a", ",", 1)'), bad('histogram_quantile(foo, 0.9)'),
  bad('histogram_stddev(foo)', 'function "histogram_stddev"'), bad('info(foo)', 'function "info"'),
  bad('sort_by_label(foo, "a")', 'function "sort_by_label"'), bad('mad_over_time(foo[5m])', 'function "mad_over_time"'),
  // aggregations
  ok('sum by (job) (foo)'), ok('sum(foo) by (job)'), ok('sum without(a)(foo)'), ok('sum(foo) without ()'),
  ok('sum by () (foo)'), ok('sum by (a,) (foo)'), ok('topk(3, foo) by (a)'), ok('quantile(0.5, foo)'),
  ok('bottomk by (a) (3, foo)'), ok('group by (a) (foo)'), ok('stddev(foo) + stdvar(foo)'),
  refused('count_values("x", foo)', 'aggregation "count_values"'),
  bad('sum(foo[5m])'), bad('topk(foo, 3)'), bad('topk("a", foo)'), bad('quantile(foo)'), bad('sum(a, b)'),
  bad('sum()'), bad('sum by (a) (foo) by (b)'), bad('sum by (a) without (b) (foo)'), bad('sum by (,) (foo)'),
  bad('count_values(1, foo)', 'aggregation "count_values"'), bad('limitk(2, foo)', 'aggregation "limitk"'),
  // binary operators and matching
  ok('-2^2'), ok('2 ^ 3 ^ 2'), ok('a + b * c - d / e % f'), ok('(a + b) * c'), ok('a or b and c unless d'),
  ok('a == b != c'), ok('foo atan2 bar'), ok('1 atan2 2'), ok('--1'), ok('-+-1'), ok('+foo'), ok('1 - - 1'),
  ok('foo > bool bar'), ok('1 > bool 2'), ok('a > bool b > bool c'), ok('foo ==bool 1'), ok('1 + on() foo'),
  ok('1 + on() group_left foo'), ok('foo + ignoring(a) group_left(a) bar'), ok('foo * on(a) group_right(b) bar'),
  ok('foo * ignoring(a) group_left() bar'), ok('foo unless on(a) bar'), ok('foo > bool on(a) bar'),
  ok('sum(rate(x[5m])) by (job) / on(job) group_left sum(y) by (job)'), ok('"a"'),
  bad('1 > 2'), bad('1 + ignoring(x) foo'), bad('foo + on(a) group_left(a) bar'), bad('foo and on(x) group_left bar'),
  bad('foo and bool bar'), bad('foo + bool bar'), bad('foo atan2 bool bar'), bad('1 and foo'), bad('foo and 1'),
  bad('"a" + 1'), bad('foo[5m] + 1'), bad('-foo[5m]'), bad('-"a"'), bad('foo bool'), bad('foo * group_left bar'),
  bad('foo + on(a) bool bar'), bad('foo ** 2'), bad('foo = 1'), bad('foo =~ 1'), bad('foo ! 1'), bad('foo +'),
  bad('(foo'), bad('foo)'), bad('a + fill(0) b'), bad('a </ 2', '"</" operator'),
  // subqueries and @
  refused('foo[5m:1m]', 'subquery'), refused('foo[5m:]', 'subquery'), refused('foo[5m x]', 'subquery'),
  refused('foo offset 5m [1m:]', 'subquery'), refused('(foo)[5m:1m] offset 1h', 'subquery'),
  refused('avg_over_time(rate(foo[5m])[1h:5m])', 'subquery'), refused('foo @ 123', '@ modifier'),
  refused('foo @ start()', '@ modifier'), refused('foo offset 5m @ 1', '@ modifier'),
  bad('foo[5m:1m:1m]'), bad('foo[5m:1m x]'),
  // empty input
  bad('# only a comment'), bad('   '),
];
