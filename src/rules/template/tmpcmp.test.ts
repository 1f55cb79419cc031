import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { parseSeriesLabels } from '../rule-tests/series-labels-parser.js';
import { AlertTemplate } from './alert-template.js';
it('cmp', () => {
  const cases = JSON.parse(readFileSync('/tmp/tplcmp/cases.json', 'utf8')) as string[];
  const got = parseSeriesLabels(readFileSync('/tmp/tplcmp/got.txt', 'utf8').trim());
  cases.forEach((text, i) => {
    const key = `c${String(i).padStart(3, '0')}`;
    let ours: string;
    try {
      ours = AlertTemplate.parse(text, 'T').expand({ labels: { __name__: 'v', job: 'api', instance: 'i1' }, externalLabels: { region: 'eu', zone: 'a' }, externalUrl: '', value: 0.75 });
    } catch (e) { ours = 'PARSE ERROR ' + (e as Error).message; }
    if (ours !== got[key]) console.log(`${key} ${text}\n  promtool: ${JSON.stringify(got[key])}\n  guardia:  ${JSON.stringify(ours)}`);
  });
});
