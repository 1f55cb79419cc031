import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../errors.js';
import { parseSelector } from './selector-parser.js';

describe('parseSelector', () => {
  it('parses a name with the four operators', () => {
    expect(parseSelector('up{env="prod", probe!="db",job=~"api|web" , path!~"/health.*"}')).toEqual([
      { name: '__name__', op: '=', value: 'up' },
      { name: 'env', op: '=', value: 'prod' },
      { name: 'probe', op: '!=', value: 'db' },
      { name: 'job', op: '=~', value: 'api|web' },
      { name: 'path', op: '!~', value: '/health.*' },
    ]);
  });

  it('accepts a bare name, empty braces, a trailing comma and braces without a name', () => {
    expect(parseSelector(' guardia_probe_up ')).toEqual([{ name: '__name__', op: '=', value: 'guardia_probe_up' }]);
    expect(parseSelector('a:b{}')).toEqual([{ name: '__name__', op: '=', value: 'a:b' }]);
    expect(parseSelector('x{a="1",}')).toHaveLength(2);
    expect(parseSelector('{__name__=~"guardia_.*"}')).toEqual([{ name: '__name__', op: '=~', value: 'guardia_.*' }]);
  });

  it('decodes escapes in double and single quotes and keeps backticks raw', () => {
    expect(parseSelector('m{a="say \\"hi\\"\\n\\\\", b=\'it\\\'s\', c=`\\d+`, d="\\u00e9\\x41"}').map((m) => m.value))
      .toEqual(['m', 'say "hi"\n\\', "it's", '\\d+', 'éA']);
  });

  it.each([
    ['', /metric name or at least one matcher/],
    ['{a=~".*"}', /does not match ""/],
    ['{a=""}', /does not match ""/],
    ['m{a="b"', /expected "," or "}"/],
    ['m{a="b}', /unterminated string/],
    ['m{a=b}', /quoted string/],
    ['m{a=="b"}', /quoted string/],
    ['m{1a="b"}', /label name/],
    ['m{a<"b"}', /one of =, !=/],
    ['m{a="\\q"}', /invalid escape/],
    ['m x', /unexpected text/],
    ['m{__name__="n"}', /set twice/],
  ])('rejects %j with a clear message', (text, message) => {
    expect(() => parseSelector(text)).toThrow(InvalidRequestError);
    expect(() => parseSelector(text)).toThrow(message);
  });

  it('names the column of the problem', () => {
    expect(() => parseSelector('up{env="a" x}')).toThrow(/column 12/);
  });
});
