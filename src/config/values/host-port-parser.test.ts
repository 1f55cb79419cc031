import { describe, expect, it } from 'vitest';
import { parseHostPort } from './host-port-parser.js';

describe('parseHostPort', () => {
  it.each([
    ['127.0.0.1:4680', { host: '127.0.0.1', port: 4680 }],
    ['localhost:4680', { host: 'localhost', port: 4680 }],
    ['[::1]:4680', { host: '::1', port: 4680 }],
    ['db.internal:5432', { host: 'db.internal', port: 5432 }],
    [':4680', { host: '127.0.0.1', port: 4680 }],
    ['0.0.0.0:65535', { host: '0.0.0.0', port: 65535 }],
  ])('reads %j', (text, expected) => {
    expect(parseHostPort(text)).toEqual(expected);
  });

  it.each(['localhost', 'localhost:0', 'localhost:65536', '::1:80', 'host:port', 'a b:80'])('rejects %j', (text) => {
    expect(() => parseHostPort(text)).toThrow(`expected HOST:PORT like "127.0.0.1:4680", got ${JSON.stringify(text)}`);
  });
});
