import { describe, expect, it } from 'vitest';
import { majorOf, parseToolVersion, serverVersion } from './pg-version.js';

describe('parseToolVersion', () => {
  it.each([
    ['pg_dump (PostgreSQL) 15.10 (Debian 15.10-0+deb12u1)\n', { major: 15, text: '15.10' }],
    ['pg_restore (PostgreSQL) 16beta2\n', { major: 16, text: '16beta2' }],
    ['pg_dump (PostgreSQL) 17.2\n', { major: 17, text: '17.2' }],
    ['pg_dump (PostgreSQL) 9.6.24\n', { major: 9, text: '9.6.24' }],
  ])('reads %j', (line, expected) => {
    expect(parseToolVersion(line)).toEqual(expected);
  });

  it('returns undefined for something else', () => {
    expect(parseToolVersion('zstd v1.5.4')).toBeUndefined();
  });
});

describe('serverVersion', () => {
  it('reads server_version_num', () => {
    expect(serverVersion(160004)).toEqual({ major: 16, text: '16.4' });
    expect(serverVersion(150010)).toEqual({ major: 15, text: '15.10' });
    expect(serverVersion(90624)).toEqual({ major: 9, text: '9.6.24' });
  });
});

describe('majorOf', () => {
  it('reads the major of a manifest version', () => {
    expect(majorOf('15.10')).toBe(15);
    expect(majorOf('16beta2')).toBe(16);
    expect(majorOf('unknown')).toBeUndefined();
  });
});
