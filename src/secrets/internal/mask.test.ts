import { describe, expect, it } from 'vitest';
import { displayFinding, maskSecret } from './mask.js';

describe('maskSecret', () => {
  it('keeps four characters at each end of a long secret', () => {
    expect(maskSecret('abcdefghijklmnopqrst')).toBe('abcd************qrst');
  });

  it('hides a short secret entirely', () => {
    expect(maskSecret('hunter2hunter2x')).toBe('*'.repeat(15));
    expect(maskSecret('')).toBe('');
  });
});

describe('displayFinding', () => {
  it('masks the secret inside the match', () => {
    expect(displayFinding('match', 'https://h/services/T0/B0/abcdefghijklmnopqrst', 'T0/B0/abcdefghijklmnopqrst', 19)).toBe('https://h/services/T0/B******************qrst');
  });

  it('shows only the first line, across real and escaped line breaks', () => {
    expect(displayFinding('first-line', 'HEADER\nBODY', 'HEADER\nBODY', 0)).toBe('HEADER');
    expect(displayFinding('first-line', 'HEADER\\nBODY', 'HEADER\\nBODY', 0)).toBe('HEADER');
  });
});
