import { describe, expect, it } from 'vitest';
import { configSecretNames, secretEnv } from './config-secret-names.js';

describe('configSecretNames', () => {
  it('maps each ${VAR} of a string value to a secret of the same name, once, in file order', () => {
    const names = configSecretNames(`
# \${IN_A_COMMENT} is not a reference
database: postgres://app:\${DB_PASSWORD}@\${DB_HOST:-localhost}/app
again: \${DB_PASSWORD}
escaped: "$\${NOT_ONE}"
list: [ "\${SLACK_WEBHOOK}" ]
`);
    expect(names.mappings.map((m) => m.variable)).toEqual(['DB_PASSWORD', 'DB_HOST', 'SLACK_WEBHOOK']);
    expect(secretEnv(names)).toEqual({
      DB_PASSWORD: '${{ secrets.DB_PASSWORD }}',
      DB_HOST: '${{ secrets.DB_HOST }}',
      SLACK_WEBHOOK: '${{ secrets.SLACK_WEBHOOK }}',
    });
  });

  it('upper-cases secret names and skips variables GitHub cannot hold as secrets', () => {
    const names = configSecretNames('a: ${db_url}\nb: ${GITHUB_TOKEN}\n');
    expect(names.mappings).toEqual([{ variable: 'db_url', secret: 'DB_URL' }]);
    expect(names.skipped).toEqual([{ variable: 'GITHUB_TOKEN', reason: 'GitHub secret names cannot start with GITHUB_' }]);
  });
});
