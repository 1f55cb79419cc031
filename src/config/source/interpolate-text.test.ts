import { describe, expect, it } from 'vitest';
import { interpolateText } from './interpolate-text.js';

const env = { HOST: 'db.internal', EMPTY: '', PASSWORD: 's3cr3t!' };

describe('interpolateText', () => {
  it('leaves text without references alone', () => {
    expect(interpolateText('plain', env)).toEqual({ text: 'plain', interpolated: false, secrets: [], errors: [] });
  });

  it('expands ${VAR} and collects the value as a secret', () => {
    const result = interpolateText('postgres://app:${PASSWORD}@${HOST}/db', env);
    expect(result.text).toBe('postgres://app:s3cr3t!@db.internal/db'); // guardia:allow-secret
    expect(result.secrets).toEqual(['s3cr3t!', 'db.internal']);
    expect(result.errors).toEqual([]);
  });

  it('gives the empty string for a set-but-empty variable, and no secret', () => {
    expect(interpolateText('[${EMPTY}]', env)).toMatchObject({ text: '[]', secrets: [], errors: [] });
  });

  it('uses the default when the variable is unset or empty', () => {
    expect(interpolateText('${MISSING:-5s}', env).text).toBe('5s');
    expect(interpolateText('${EMPTY:-5s}', env).text).toBe('5s');
    expect(interpolateText('${HOST:-other}', env).text).toBe('db.internal');
    expect(interpolateText('${MISSING:-}', env).text).toBe('');
  });

  it('does not count a default written in the file as a secret', () => {
    expect(interpolateText('${MISSING:-written}', env).secrets).toEqual([]);
  });

  it('reports an unset variable with how to give a default', () => {
    expect(interpolateText('${DATABASE_URL}', env).errors).toEqual([
      'environment variable DATABASE_URL is not set (write ${DATABASE_URL:-default} to give a default)',
    ]);
  });

  it('turns $$ into a literal $', () => {
    expect(interpolateText('$${HOST}', env).text).toBe('${HOST}');
    expect(interpolateText('cost: $$5', env).text).toBe('cost: $5');
  });

  it('keeps a lone $ as written (regexes, JSON paths)', () => {
    expect(interpolateText('^ok$', env).text).toBe('^ok$');
    expect(interpolateText('$.checks.db', env).text).toBe('$.checks.db');
  });

  it('reports an unclosed reference', () => {
    expect(interpolateText('x ${HOST', env).errors).toEqual(['unclosed "${" (write "$${" for a literal "${")']);
  });

  it.each(['${}', '${1X}', '${A B}', '${A:=x}'])('reports the malformed reference %j', (template) => {
    expect(interpolateText(template, env).errors[0]).toMatch(/^malformed reference/);
  });
});
