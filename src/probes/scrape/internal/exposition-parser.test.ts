import { describe, expect, it } from 'vitest';
import { parseExposition } from './exposition-parser.js';

/** The message of the error `text` is rejected with. */
function rejection(text: string): string {
  try {
    parseExposition(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the exposition to be rejected');
}

describe('parseExposition', () => {
  it('reads counters and gauges with HELP, TYPE and labels', () => {
    const text = [
      '# HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.',
      '# TYPE node_cpu_seconds_total counter',
      'node_cpu_seconds_total{cpu="0",mode="idle"} 2258.67',
      'node_cpu_seconds_total{cpu="0",mode="user"} 101.5',
      '# TYPE node_load1 gauge',
      'node_load1 0.21',
      '',
    ].join('\n');
    expect(parseExposition(text)).toEqual([
      {
        name: 'node_cpu_seconds_total',
        help: 'Seconds the CPUs spent in each mode.',
        type: 'counter',
        samples: [
          { name: 'node_cpu_seconds_total', labels: { cpu: '0', mode: 'idle' }, value: 2258.67 },
          { name: 'node_cpu_seconds_total', labels: { cpu: '0', mode: 'user' }, value: 101.5 },
        ],
      },
      { name: 'node_load1', help: '', type: 'gauge', samples: [{ name: 'node_load1', labels: {}, value: 0.21 }] },
    ]);
  });

  it('groups histogram and summary samples under their family', () => {
    const text = `# HELP http_request_duration_seconds Request latency.
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{le="0.1"} 3
http_request_duration_seconds_bucket{le="+Inf"} 5
http_request_duration_seconds_sum 0.9
http_request_duration_seconds_count 5
# TYPE go_gc_duration_seconds summary
go_gc_duration_seconds{quantile="0.5"} 4.1e-05
go_gc_duration_seconds{quantile="1"} NaN
go_gc_duration_seconds_sum 0.0012
go_gc_duration_seconds_count 27
`;
    const [histogram, summary] = parseExposition(text);
    expect(histogram).toMatchObject({ name: 'http_request_duration_seconds', type: 'histogram' });
    expect(histogram?.samples.map((s) => s.name)).toEqual([
      'http_request_duration_seconds_bucket',
      'http_request_duration_seconds_bucket',
      'http_request_duration_seconds_sum',
      'http_request_duration_seconds_count',
    ]);
    expect(summary).toMatchObject({ name: 'go_gc_duration_seconds', type: 'summary' });
    expect(summary?.samples.map((s) => [s.name, s.value])).toEqual([
      ['go_gc_duration_seconds', 4.1e-5],
      ['go_gc_duration_seconds', NaN],
      ['go_gc_duration_seconds_sum', 0.0012],
      ['go_gc_duration_seconds_count', 27],
    ]);
  });

  it('makes each sample name without a TYPE its own untyped family', () => {
    const families = parseExposition('requests_bucket{le="1"} 1\nrequests_count 4\n');
    expect(families.map((f) => [f.name, f.type])).toEqual([
      ['requests_bucket', 'untyped'],
      ['requests_count', 'untyped'],
    ]);
  });

  it('unescapes label values and HELP text', () => {
    const text = '# HELP x A \\\\ path\\nand "quotes".\nx{path="C:\\\\dir",quote="say \\"hi\\"",nl="a\\nb"} 1\n';
    const [family] = parseExposition(text);
    expect(family?.help).toBe('A \\ path\nand "quotes".');
    expect(family?.samples[0]?.labels).toEqual({ path: 'C:\\dir', quote: 'say "hi"', nl: 'a\nb' });
  });

  it('accepts special values, timestamps, blanks inside braces, a trailing comma, CRLF and comments', () => {
    const text = '# a comment\r\n#TYPE is not a keyword here\r\nup{ job = "a" , } +Inf 1712345678901\r\nx -Inf\r\ny nan\r\nz 1.5E3 -5\r\n';
    const samples = parseExposition(text).flatMap((f) => f.samples);
    expect(samples).toEqual([
      { name: 'up', labels: { job: 'a' }, value: Infinity },
      { name: 'x', labels: {}, value: -Infinity },
      { name: 'y', labels: {}, value: NaN },
      { name: 'z', labels: {}, value: 1500 },
    ]);
  });

  it('is empty for an empty exposition', () => {
    expect(parseExposition('')).toEqual([]);
    expect(parseExposition('# HELP x Nothing yet.\n')).toEqual([{ name: 'x', help: 'Nothing yet.', type: 'untyped', samples: [] }]);
  });
});

describe('parseExposition rejects garbage, naming the line', () => {
  it.each([
    ['<!DOCTYPE html>\n<html>', 'line 1: expected a metric name, got "<": <!DOCTYPE html>'],
    ['ok 1\nup\n', 'line 2: expected a value after up: up'],
    ['up one', 'line 1: expected a number as the value, got "one": up one'],
    ['up 1 2 3', 'line 1: expected a value and an optional timestamp, got 3 fields after up: up 1 2 3'],
    ['up 1 1.5', 'line 1: expected a timestamp in milliseconds, got "1.5": up 1 1.5'],
    ['up{job="a} 1', 'line 1: unterminated label value: missing the closing quote: up{job="a} 1'],
    ['up{job="a\\tb"} 1', 'line 1: invalid escape "\\t" in a label value (only \\\\, \\" and \\n): up{job="a\\tb"} 1'],
    ['up{job="a" env="b"} 1', 'line 1: expected "," or "}" after the value of label "job", got "e": up{job="a" env="b"} 1'],
    ['up{job="a",job="b"} 1', 'line 1: label "job" appears twice: up{job="a",job="b"} 1'],
    ['up{1job="a"} 1', 'line 1: expected a label name, got "1": up{1job="a"} 1'],
    ['up{job=a} 1', 'line 1: expected a quoted label value, got "a": up{job=a} 1'],
    ['up{__name__="x"} 1', 'line 1: the label name "__name__" is reserved: up{__name__="x"} 1'],
    ['# TYPE up gauge\n# TYPE up counter\n', 'line 2: second TYPE for up: # TYPE up counter'],
    ['# HELP up a\n# HELP up b\n', 'line 2: second HELP for up: # HELP up b'],
    ['up 1\n# TYPE up gauge\n', 'line 2: TYPE for up comes after its samples: # TYPE up gauge'],
    ['# TYPE up meter\n', 'line 1: unknown type "meter" for up; expected counter, gauge, histogram, summary or untyped: # TYPE up meter'],
    ['# TYPE 1up gauge\n', 'line 1: invalid metric name "1up" in TYPE: # TYPE 1up gauge'],
    ['# TYPE h histogram\nh_bucket 1\n', 'line 2: h_bucket needs a "le" label: h_bucket 1'],
    ['# TYPE h histogram\nh_bucket{le="high"} 1\n', 'line 2: expected a number as "le", got "high": h_bucket{le="high"} 1'],
    ['# TYPE h histogram\nh 1\n', 'line 2: histogram h has samples named h_bucket, _sum or _count: h 1'],
    ['# TYPE s summary\ns 1\n', 'line 2: s needs a "quantile" label: s 1'],
  ])('%j', (text, message) => {
    expect(rejection(text)).toBe(message);
  });

  it('cuts a long line in the message', () => {
    const message = rejection(`up{a="${'x'.repeat(200)}"} oops`);
    expect(message.length).toBeLessThan(200);
    expect(message).toMatch(/…$/);
  });
});
