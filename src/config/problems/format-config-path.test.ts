import { describe, expect, it } from 'vitest';
import { formatConfigPath } from './format-config-path.js';

describe('formatConfigPath', () => {
  it('joins keys with dots and indexes with brackets', () => {
    expect(formatConfigPath(['environments', 'production', 'probes', 'api', 'expect', 'json_path', 0, 'lt'])).toBe(
      'environments.production.probes.api.expect.json_path[0].lt',
    );
  });

  it('quotes keys that are not plain names', () => {
    expect(formatConfigPath(['headers', 'x.y z'])).toBe('headers["x.y z"]');
  });

  it('is empty for the top level', () => {
    expect(formatConfigPath([])).toBe('');
  });
});
