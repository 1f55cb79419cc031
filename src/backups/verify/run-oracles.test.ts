import { describe, expect, it } from 'vitest';
import { compareRowCounts } from './run-oracles.js';

describe('compareRowCounts', () => {
  const expected = [
    { schema: 'public', name: 'guests', rows: 700 },
    { schema: 'public', name: 'Reservas Año', rows: 1500 },
    { schema: 'audit', name: 'log', rows: 3 },
  ];

  it('passes with one summary when every table matches', () => {
    expect(compareRowCounts(expected, [...expected].reverse())).toEqual([{ name: 'row_counts', passed: true, detail: '3 tables match the manifest' }]);
  });

  it('fails each table that differs or is missing, then the summary', () => {
    const found = [
      { schema: 'public', name: 'guests', rows: 699 },
      { schema: 'public', name: 'Reservas Año', rows: 1500 },
    ];
    expect(compareRowCounts(expected, found)).toEqual([
      { name: 'row_count public.guests', passed: false, detail: '699 rows, expected 700' },
      { name: 'row_count audit.log', passed: false, detail: 'missing (expected 3 rows)' },
      { name: 'row_counts', passed: false, detail: '2 of 3 tables differ from the manifest' },
    ]);
  });
});
