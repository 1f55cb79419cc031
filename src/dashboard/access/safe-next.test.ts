import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.js';

describe('safeNext', () => {
  it('keeps same-origin paths with their query', () => {
    expect(safeNext('/alerts?state=firing#top')).toBe('/alerts?state=firing#top');
    expect(safeNext('/probes/a%2Fb')).toBe('/probes/a%2Fb');
  });

  it('sends everything else home', () => {
    for (const next of [undefined, '', 'alerts', '//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/\t/evil.example', '/login', '/logout']) {
      expect(safeNext(next)).toBe('/');
    }
  });
});
