import { describe, expect, it } from 'vitest';
import { scanText } from './scan-text.js';

const j = (...parts: string[]): string => parts.join('');
const TOKEN = j('gh', 'p_', 'Q4x9LmT2vR7nB3kZ8wY1cF6hJ0sD5gA2pE7u');
const findings = (text: string) => scanText(text).map((f) => `${f.line}:${f.column} ${f.rule.id} ${f.masked}`);

describe('scanText', () => {
  it('gives line and column of the secret', () => {
    expect(findings(j('a\nb\n  x = "', TOKEN, '"\n'))).toEqual([`3:8 github-token ghp_${'*'.repeat(32)}pE7u`]);
  });

  it('reports a stretch of text once, under the most specific rule', () => {
    expect(findings(j('GITHUB_TOKEN=', TOKEN))).toEqual([`1:14 github-token ghp_${'*'.repeat(32)}pE7u`]);
  });

  it('ignores documented example keys and placeholders', () => {
    const lines = [
      j('sk_test_', '4eC39HqLyjWDarjtT1zdp7dc'),
      j('AK', 'IAIOSFODNN7EXAMPLE'),
      'API_TOKEN=${API_TOKEN}',
      'API_TOKEN=${API_TOKEN:-}',
      'API_TOKEN=$API_TOKEN',
      'api_token: "{{ secrets.API_TOKEN }}"',
      'password: <password>',
      'token: your-token-here',
      'token: "****************"',
      'secret = process.env.SECRET_9f86d081884c7d659a2f',
      'postgres://app:${PGPASSWORD}@db.internal/app',
      'postgres://user:password@db.internal/app',
      'postgres://app:s3cretPassw0rd@db.example.com/app',
      j('gh', 'p_', 'x'.repeat(36)),
    ];
    expect(findings(lines.join('\n'))).toEqual([]);
  });

  it('still reports a real secret written as the default of ${VAR:-default}', () => {
    expect(findings(j('API_TOKEN=${API_TOKEN:-', 'Zk3q9TfLw2Rx8Vb7Nc1M}'))).toEqual(['1:24 generic-secret Zk3q************Nc1M']);
    expect(findings(j('URL=${URL:-postgres://app:', 'Vq7pL2xR9s@db.internal/app}'))).toEqual(['1:12 database-url-password postgres://app:**********@db.internal']);
  });

  it('needs a generated-looking value for the generic rule', () => {
    expect(findings('password = "correct-horse-battery-staple-42"\ntoken: 123456:ABC-secret\nsecret_count = 1234567890123')).toEqual([]);
    expect(findings(j('client_secret: ', '9f86d081884c7d659a2feaa0c55ad015'))).toEqual([`1:16 generic-secret 9f86${'*'.repeat(24)}d015`]);
  });

  it('only trusts string literals in source code', () => {
    const text = j('const secretKey = credentials2.SecretAccessKey9;\nconst apiToken = "', 'Zk3q9TfLw2Rx8Vb7Nc1M";');
    expect(scanText(text, { code: true }).map((f) => `${f.line} ${f.rule.id}`)).toEqual(['2 generic-secret']);
    expect(scanText(text).map((f) => `${f.line} ${f.rule.id}`)).toEqual(['1 generic-secret', '2 generic-secret']);
  });

  it('does not count identifiers as secrets', () => {
    expect(findings('private_key_id = "7f3c1e2d9a8b4c5d6e7f8091a2b3c4d5e6f70819"\naccessKeyId: a1b2c3d4e5f6a7b8c9d0')).toEqual([]);
  });

  it('suppresses a finding on a line that says guardia:allow-secret', () => {
    expect(findings(j('const t = "', TOKEN, '"; // guardia:allow-secret test fixture'))).toEqual([]);
  });

  it('needs key material after a private key header', () => {
    const header = j('-----BEGIN ', 'EC PRIVATE KEY-----');
    expect(findings(`${header}\n...\n`)).toEqual([]);
    expect(findings(`x\n${header}\n${'MHcCAQEEIBq7'.repeat(5)}\n`)).toEqual([`2:1 private-key ${header}`]);
  });
});
