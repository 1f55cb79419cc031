import { describe, expect, it } from 'vitest';
import { PromqlParseError } from '../../errors.js';
import { AlertTemplate, type AlertTemplateData } from './alert-template.js';

// Every expected string below is what promtool 2.42 rendered for the same template.
const data: AlertTemplateData = {
  labels: { __name__: 'v', job: 'api', instance: 'i1' },
  externalLabels: { region: 'eu' },
  externalUrl: 'http://x.example:9090/prom',
  value: 0.75,
};

function render(text: string, over: Partial<AlertTemplateData> = {}): string {
  return AlertTemplate.parse(text, 'T').expand({ ...data, ...over });
}

describe('AlertTemplate variables and fields', () => {
  it('reads $value, $labels, $externalLabels, $externalURL and the same through the dot', () => {
    expect(render('{{ $value }}')).toBe('0.75');
    expect(render('{{ .Value }} {{ .Labels.job }} {{ $.Value }} {{ .ExternalURL }} {{ .ExternalLabels.region }}')).toBe('0.75 api 0.75 http://x.example:9090/prom eu');
    expect(render('{{ $labels }} {{ .Labels }} {{ $externalLabels }} [{{ $externalURL }}] {{ $labels.nosuch }}|')).toBe(
      'map[__name__:v instance:i1 job:api] map[__name__:v instance:i1 job:api] map[region:eu] [http://x.example:9090/prom] |',
    );
  });

  it('prints floats the way Go %v does and ints as integers', () => {
    expect(render('{{ 1e6 }} {{ 123456.0 }} {{ 1234567 }} {{ 0.0001 }} {{ 0.00001 }} {{ 1.5 }} {{ -2 }} {{ 100000000000000000000000.0 }}')).toBe(
      '1e+06 123456 1234567 0.0001 1e-05 1.5 -2 1e+23',
    );
    expect(render('{{ $value }}|{{ $value }}|{{ $value }}', { value: Infinity })).toBe('+Inf|+Inf|+Inf');
    expect(render('{{ $value }} {{ .Value }}', { value: NaN })).toBe('NaN NaN');
    expect(render('{{ $value }}', { value: -Infinity })).toBe('-Inf');
    expect(render('{{ $value }}', { value: 1234567.5 })).toBe('1.2345675e+06');
  });

  it('reads Go literals: raw strings, escapes, hex, underscores, characters, booleans', () => {
    expect(render('{{- "x" -}}  {{ "y" }} {{/* comment */}} {{ `raw\\n` }} {{ "esc\\tq\\"" }} {{ 0x1F }} {{ 1_000 }} {{ \'a\' }} {{ true }}')).toBe(
      'xy  raw\\n esc\tq" 31 1000 97 true',
    );
  });

  it('declares, assigns, ranges over maps in key order and narrows with with', () => {
    expect(render('{{ $x := 5 }}{{ $x }} {{ $x = 6 }}{{ $x }} {{ with $labels.job }}w={{ . }}{{ end }} {{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}')).toBe(
      '5 6 w=api __name__=v;instance=i1;job=api;',
    );
    expect(render('{{ range $labels }}{{ . }},{{ end }}')).toBe('v,i1,api,');
    expect(render('{{ range $externalLabels }}x{{ else }}none{{ end }}', { externalLabels: {} })).toBe('none');
    expect(render('{{ range $k, $v := $labels }}{{ if eq $k "instance" }}{{ break }}{{ end }}{{ $k }};{{ end }}')).toBe('__name__;');
  });
});

describe('AlertTemplate conditions', () => {
  it('branches with if / else if / else and Go comparisons', () => {
    expect(render('{{ if gt $value 0.5 }}high{{ else }}low{{ end }}')).toBe('high');
    expect(render('{{ if eq $labels.job "api" }}api{{ else if eq $labels.job "db" }}db{{ else }}other{{ end }}')).toBe('api');
    expect(render('{{ if eq $labels.job "api" }}api{{ else if eq $labels.job "db" }}db{{ else }}other{{ end }}', { labels: { job: 'db' } })).toBe('db');
    expect(render('{{ if ne $labels.job "api" }}ne{{ end }}{{ if lt 1 2 }}lt{{ end }}{{ if le 2.0 2.0 }}le{{ end }}{{ if ge "b" "a" }}ge{{ end }}{{ if eq 1 1 2 }}eq3{{ end }}')).toBe('ltlegeeq3');
    expect(render('{{ eq $value 0.75 }} {{ eq $labels.job "api" }} {{ ne 1 2 }}')).toBe('true true true');
  });

  it('uses Go truth for and, or, not and if', () => {
    expect(render('{{ and 1 0 }} {{ or 0 "" "x" }} {{ not true }} {{ and true "y" }} {{ or false 0 }}')).toBe('0 x false y 0');
    expect(render('{{ if $labels.job }}has{{ end }}{{ if $labels.nosuch }}no{{ else }}empty{{ end }}{{ if 0 }}z{{ end }}{{ if 0.0 }}zf{{ end }}{{ if "" }}es{{ end }}')).toBe('hasempty');
  });

  it('renders a comparison of a float with an int as Go error text, at Go\'s column', () => {
    expect(render('{{ if gt $value 1 }}high{{ else }}low{{ end }}')).toBe(
      '<error expanding template: error executing template __alert_T: template: __alert_T:1:118: executing "__alert_T" at <gt $value 1>: error calling gt: incompatible types for comparison>',
    );
  });
});

describe('AlertTemplate functions', () => {
  it('formats with printf like Go, including its complaints', () => {
    expect(render('{{ printf "%.2f" $value }}|{{ printf "%d" 3 }}|{{ printf "%5.1f|%-6s|%s" 3.14159 "ab" $labels.job }}|{{ printf "%v %g %e %x" $value $value $value 255 }}')).toBe(
      '0.75|3|  3.1|ab    |api|0.75 0.75 7.500000e-01 ff',
    );
    expect(render('{{ printf "%s" $value }} {{ printf "%d" $value }} {{ printf "%q" "a" }} {{ printf "%05.1f" -2.5 }} {{ printf "%+d" 5 }} {{ printf "%t" true }} {{ printf "%%" }} {{ printf "%x" "hi" }} {{ printf "%.0f %.0f %.1f" 2.5 3.5 0.25 }}')).toBe(
      '%!s(float64=0.75) %!d(float64=0.75) "a" -02.5 +5 true % 6869 2 4 0.2',
    );
    expect(render('{{ printf "%6.2e|%G|%.3g|%g|%g|%v" 123456.789 1e-7 0.00012345 100000.0 1000000.0 -0.0 }}')).toBe('1.23e+05|1E-07|0.000123|100000|1e+06|-0');
    expect(render('{{ printf "%v %v %v %.1f" 1e21 1e20 123456789.0 0.05 }}')).toBe('1e+21 1e+20 1.23456789e+08 0.1');
    expect(render('{{ printf "%s %s" (index $labels "job") }}')).toBe('api %!s(MISSING)');
    expect(render('{{ $value | printf "%.3f" }} {{ "abc" | printf "%s-%s" "x" }}')).toBe('0.750 x-abc');
  });

  it('humanizes numbers, sizes, ratios, durations and timestamps', () => {
    expect(render('{{ $value | humanize }} {{ humanize1024 1048576 }} {{ humanizePercentage 0.256 }} {{ humanizeDuration 3725.5 }} {{ humanizeDuration 0.0123 }} {{ humanizeTimestamp 1600000000.5 }}')).toBe(
      '750m 1Mi 25.6% 1h 2m 5s 12.3ms 2020-09-13 12:26:40.5 +0000 UTC',
    );
    expect(render('{{ humanize 1234567 }}')).toBe('1.235M');
    expect(render('{{ humanize "12345" }} {{ humanize 0 }} {{ humanize 0.0012 }} {{ humanize -1500 }} {{ humanize1024 0.5 }} {{ humanizeDuration -90 }} {{ humanizeDuration 90061 }}')).toBe(
      '12.35k 0 1.2m -1.5k 0.5 -1m 30s 1d 1h 1m 1s',
    );
    expect(render('{{ humanize 999.95 }} {{ humanize 1e30 }} {{ humanize 1e-30 }} {{ humanize1024 1e30 }} {{ humanizeDuration 59.99 }} {{ humanizeDuration 1e-12 }}')).toBe(
      '1000 1e+06Y 1e-06y 8.272e+05Yi 59.99s 1ps',
    );
    expect(render('{{ humanizeTimestamp 1600000000.1234567 }}|{{ humanizeTimestamp -1.5 }}|{{ humanizeTimestamp 0 }}')).toBe(
      '2020-09-13 12:26:40.123 +0000 UTC|1969-12-31 23:59:58.5 +0000 UTC|1970-01-01 00:00:00 +0000 UTC',
    );
    expect(render('{{ toTime 1600000000.25 }} {{ parseDuration "1m30s" }}')).toBe('2020-09-13 12:26:40.249 +0000 UTC 90');
  });

  it('changes case, titles, replaces by regex with Go expansion and escapes', () => {
    expect(render('{{ toUpper "abc" }} {{ toLower "ABC" }} {{ title "hello world-foo" }} {{ reReplaceAll "(a+)" "<$1>" "caaat" }}')).toBe('ABC abc Hello World-Foo c<aaa>t');
    expect(render('{{ reReplaceAll "(?P<x>a+)" "${x}-$1x-$$" "caat" }}')).toBe('caa--$t');
    expect(render('{{ index $labels "job" }} {{ len $labels }} {{ print 1 2 "a" "b" 3.5 }} {{ println "z" }}|{{ html "<a>" }} {{ js "it\'s" }} {{ urlquery "a b&c" }}')).toBe(
      "api 3 1 2ab3.5 z\n|&lt;a&gt; it\\'s a+b%26c",
    );
    expect(render('{{ stripPort "host:9090" }} {{ graphLink "up == 0" }} {{ tableLink "rate(x[5m])" }} {{ match "a.c" "xabcx" }} {{ safeHtml "<b>" }}')).toBe(
      'host /graph?g0.expr=up+%3D%3D+0&g0.tab=0 /graph?g0.expr=rate%28x%5B5m%5D%29&g0.tab=1 true <b>',
    );
    expect(render('{{ $value | printf "%v" }} {{ $labels.job | toUpper | printf "%q" }}')).toBe('0.75 "API"');
  });

  it('fails pathPrefix like promtool, which has no external URL object in rule tests', () => {
    expect(render('{{ pathPrefix }}')).toContain('error calling pathPrefix: runtime error: invalid memory address or nil pointer dereference');
    expect(AlertTemplate.parse('{{ pathPrefix }}|{{ externalURL }}', 'T').expand(data, { functionsUrl: 'http://x.example:9090/prom' })).toBe('/prom|http://x.example:9090/prom');
  });
});

describe('AlertTemplate execution errors', () => {
  it.each([
    ['{{ .Value.Foo }}', '__alert_T:1:121: executing "__alert_T" at <.Value.Foo>: can\'t evaluate field Foo in type float64'],
    ['{{ humanize "abc" }}', '__alert_T:1:115: executing "__alert_T" at <humanize "abc">: error calling humanize: strconv.ParseFloat: parsing "abc": invalid syntax'],
    ['{{ 1 }}{{ nil }}', '__alert_T:1:122: executing "__alert_T" at <nil>: nil is not a command'],
    ['{{ toUpper 3 }}', 'at <3>: expected string; found 3'],
    ['{{ humanize }}', 'at <humanize>: wrong number of args for humanize: want 1 got 0'],
    ['{{ query "up" }}', 'error calling query: guardia does not support query in templates'],
  ])('renders %j as an error', (text, message) => {
    const out = render(text);
    expect(out.startsWith('<error expanding template: error executing template __alert_T: template: ')).toBe(true);
    expect(out).toContain(message);
  });
});

describe('AlertTemplate.parse', () => {
  it.each([
    ['{{ .Foo ', 'template: __alert_T:1: unclosed action'],
    ['{{ nosuch }}', 'template: __alert_T:1: function "nosuch" not defined'],
    ['{{ $nope }}', 'template: __alert_T:1: undefined variable "$nope"'],
    ['{{ if true }}x', 'template: __alert_T:1: unexpected EOF'],
    ['x{{ end }}', 'template: __alert_T:1: unexpected {{end}}'],
    ['{{ }}', 'template: __alert_T:1: missing value for command'],
    ['{{ .a }', 'template: __alert_T:1: unexpected "}" in operand'],
    ['{{ "abc }}', 'template: __alert_T:1: unterminated quoted string'],
    ['line\n{{ /* x */ }}', 'template: __alert_T:2: '],
    ['{{ break }}', 'template: __alert_T:1: {{break}} outside {{range}}'],
    ['{{ 1 | 2 }}', 'template: __alert_T:1: non executable command in pipeline stage 2'],
    ['{{ define "x" }}{{ end }}', 'guardia does not support {{define}}'],
  ])('refuses %j', (text, message) => {
    expect(() => AlertTemplate.parse(text, 'T')).toThrow(PromqlParseError);
    expect(() => AlertTemplate.parse(text, 'T')).toThrow(message);
  });

  it('accepts every Prometheus function name, even the ones guardia cannot run', () => {
    for (const name of ['query', 'first', 'label', 'value', 'strvalue', 'sortByLabel', 'args', 'graphLink', 'tableLink', 'safeHtml', 'match', 'stripPort', 'toTime', 'parseDuration', 'slice', 'call']) {
      expect(() => AlertTemplate.parse(`{{ ${name} }}`, 'T'), name).not.toThrow();
    }
  });
});
