import { describe, expect, it } from 'vitest';
import { createRedactor } from './secret-redactor.js';

describe('createRedactor', () => {
  it('replaces every occurrence of each secret', () => {
    const redact = createRedactor(['hunter22']);
    expect(redact('pw=hunter22 again hunter22')).toBe('pw=*** again ***');
  });

  it('masks the longest secret first so no part of it is left', () => {
    const redact = createRedactor(['abcd', 'abcdefgh']);
    expect(redact('token abcdefgh')).toBe('token ***');
  });

  it('masks passwords inside URLs even when they are not known secrets', () => {
    const redact = createRedactor([]);
    expect(redact('connect postgres://app:pa55@db:5432/x failed')).toBe('connect postgres://app:***@db:5432/x failed'); // guardia:allow-secret
    expect(redact('redis://:pw@cache:6379')).toBe('redis://:***@cache:6379');
    expect(redact('https://example.com:8443/path')).toBe('https://example.com:8443/path');
  });

  it('masks a password that contains @', () => {
    expect(createRedactor([])('postgres://u:p@ss@host/db')).toBe('postgres://u:***@host/db'); // guardia:allow-secret
  });

  it('ignores empty and very short values, which would mask ordinary text', () => {
    const redact = createRedactor(['', '5', 'ab']);
    expect(redact('retry 5 of ab')).toBe('retry 5 of ab');
  });

  it('leaves text without secrets unchanged', () => {
    expect(createRedactor(['s3cr3t'])('all good')).toBe('all good');
  });
});
