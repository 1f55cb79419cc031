import { describe, expect, it } from 'vitest';
import { maskPasswords, splitPassword } from './connection-secrets.js';

describe('splitPassword', () => {
  it('moves the userinfo password out of the URL', () => {
    expect(splitPassword('postgresql://app:s%40cret@db.internal:5432/shop?sslmode=require')).toEqual({ // guardia:allow-secret
      url: 'postgresql://app@db.internal:5432/shop?sslmode=require',
      password: 's@cret',
    });
  });

  it('moves a password query setting out, leaving the others byte for byte', () => {
    expect(splitPassword('postgresql:///shop?host=/var/run/postgresql&password=pw&options=-c%20x%3D1')).toEqual({
      url: 'postgresql:///shop?host=/var/run/postgresql&options=-c%20x%3D1',
      password: 'pw',
    });
  });

  it('leaves URLs without a password and key=value strings alone', () => {
    expect(splitPassword('postgres://app@db/shop')).toEqual({ url: 'postgres://app@db/shop' });
    expect(splitPassword('host=db dbname=shop')).toEqual({ url: 'host=db dbname=shop' });
  });
});

describe('maskPasswords', () => {
  it('masks URL passwords and password settings in free text', () => {
    expect(maskPasswords('cannot reach postgresql://app:hunter2@db/shop (password=hunter2 host=db)')).toBe( // guardia:allow-secret
      'cannot reach postgresql://app:***@db/shop (password=*** host=db)',
    );
  });
});
