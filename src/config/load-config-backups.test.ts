import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupWarnings } from './resolve/resolve-backups.js';
import { loadConfig } from './load-config.js';
import { loadText, problemsOf, removeTempDirs, writeConfig } from './internal/config-test-kit.js';

afterAll(removeTempDirs);

const RECIPIENT = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
const env = (backups: string, extra = '    database: postgres://db.internal:5432/app\n') =>
  `project: demo\nenvironments:\n  production:\n${extra}    backups:\n${backups.replace(/^/gm, '      ')}\n`;

describe('environments.*.backups', () => {
  it('defaults to the environment database, named after it, with the stated defaults', async () => {
    const { file, dir } = writeConfig(env('to: file:./backups'));
    const config = await loadConfig(file, { env: {}, displayPath: 'guardia.yaml' });
    expect(config.environments[0]?.backups).toEqual({
      databases: [{ name: 'app', url: 'postgres://db.internal:5432/app' }],
      jobs: 2,
      excludeTableData: [],
      globals: true,
      repositories: [{ kind: 'file', path: join(dir, 'backups'), display: 'file:./backups' }],
      encryptTo: [],
      verify: { afterBackup: true, sql: [], amcheck: true },
      keep: { minimum: 1 },
      objectives: {},
      drill: { smoke: [] },
    });
  });

  it('reads every setting', async () => {
    const { file, dir } = writeConfig(
      env(`schedule: "0 2 * * *"
timezone: Europe/Madrid
databases: [{ name: main, url: "postgresql:///app?host=/run/postgresql" }, "postgres://h/reports"]
jobs: "4"
exclude_table_data: [audit_log, "sessions_*"]
globals: false
to:
  - file:backups
  - file:///srv/backups
  - s3://acme-backups/guardia/prod/
  - { s3: "s3://local", endpoint: "http://127.0.0.1:4569", region: eu-west-1 }
encrypt_to: "${RECIPIENT}, ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7 ops@example"
verify: { schedule: "0 4 * * *", after_backup: false, identity: keys/age.key, server: "postgres://scratch:5432/x", sql: "select true", amcheck: false }
keep: { last: 7, daily: 30, weekly: 8, monthly: 12, minimum: 2 }
objectives: { rpo: 24h, rto: 4h }
drill: { schedule: "0 5 * * 0", smoke: [stale] }`,
        '    probes:\n      stale: { sql: { query: "select 1", url: "postgres://h/app" } }\n',
      ),
    );
    const backups = (await loadConfig(file, { env: {}, displayPath: 'guardia.yaml' })).environments[0]?.backups;
    expect(backups).toMatchObject({
      schedule: '0 2 * * *',
      timezone: 'Europe/Madrid',
      databases: [
        { name: 'main', url: 'postgresql:///app?host=/run/postgresql' },
        { name: 'reports', url: 'postgres://h/reports' },
      ],
      jobs: 4,
      excludeTableData: ['audit_log', 'sessions_*'],
      globals: false,
      encryptTo: [RECIPIENT, 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7 ops@example'],
      verify: { schedule: '0 4 * * *', afterBackup: false, identityFile: join(dir, 'keys/age.key'), server: 'postgres://scratch:5432/x', sql: ['select true'], amcheck: false },
      keep: { last: 7, daily: 30, weekly: 8, monthly: 12, minimum: 2 },
      objectives: { rpoMs: 86_400_000, rtoMs: 14_400_000 },
      drill: { schedule: '0 5 * * 0', smoke: ['stale'] },
    });
    expect(backups?.repositories).toEqual([
      { kind: 'file', path: join(dir, 'backups'), display: 'file:backups' },
      { kind: 'file', path: '/srv/backups', display: 'file:///srv/backups' },
      { kind: 's3', bucket: 'acme-backups', prefix: 'guardia/prod', region: 'us-east-1', pathStyle: false, checksums: 'when_supported', display: 's3://acme-backups/guardia/prod' },
      { kind: 's3', bucket: 'local', prefix: '', region: 'eu-west-1', endpoint: 'http://127.0.0.1:4569', pathStyle: true, checksums: 'when_required', display: 's3://local' },
    ]);
  });

  it('turns encryption off with an empty variable and keeps an absolute file: path from a variable', async () => {
    const config = await loadText(env('to: file:${BACKUP_DIR:-./backups}\nencrypt_to: ${BACKUP_AGE_RECIPIENT:-}'), { BACKUP_DIR: '/var/backups/app' });
    expect(config.environments[0]?.backups).toMatchObject({ encryptTo: [], repositories: [{ kind: 'file', path: '/var/backups/app' }] });
  });

  it('warns when encrypted backups cannot be verified', async () => {
    const config = await loadText(env(`to: file:b\nencrypt_to: [${RECIPIENT}]`));
    expect(backupWarnings(config.environments)).toEqual([
      'environments.production.backups: encrypt_to is set but verify.identity is not: encrypted backups will stay unverified',
    ]);
  });

  it('needs a database', async () => {
    expect(await problemsOf(env('to: file:b', '    url: https://x.example\n'))).toEqual([
      'guardia.yaml:5:5 environments.production.backups: backups need a database: set environments.production.database or backups.databases',
    ]);
  });

  it('reports bad values at their file:line:col', async () => {
    const problems = await problemsOf(
      env(`schedule: "61 * * * *"
timezone: Mars/Olympus
jobs: 0
to: [ftp://x, file:b, file:./b]
encrypt_to: "age1nope"
keep: { daily: -1 }
objectives: { rpo: soon }
`),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^guardia\.yaml:6:17 environments\.production\.backups\.schedule: expected a cron expression like "0 2 \* \* \*", got "61 \* \* \* \*"/),
      'guardia.yaml:7:17 environments.production.backups.timezone: expected an IANA time zone like "Europe/Madrid", got "Mars/Olympus"',
      'guardia.yaml:8:13 environments.production.backups.jobs: expected a whole number from 1 to 64, got "0"',
      'guardia.yaml:9:12 environments.production.backups.to[0]: expected a repository like "file:./backups", "file:///srv/backups" or "s3://bucket/prefix", got "ftp://x"',
      'guardia.yaml:10:19 environments.production.backups.encrypt_to: expected age recipients like "age1…" or "ssh-ed25519 AAAA…", got "age1nope" ("age1nope" is not one)',
      'guardia.yaml:11:22 environments.production.backups.keep.daily: expected a whole number ≥ 0, got "-1"',
      'guardia.yaml:12:26 environments.production.backups.objectives.rpo: expected a duration like "10s", got "soon"',
    ]);
  });

  it('reports repeated repositories and unknown smoke probes once the values are valid', async () => {
    const problems = await problemsOf(env('to: [file:b, file:./b]\ndrill: { smoke: [missing] }'));
    expect(problems).toEqual([
      'guardia.yaml:6:20 environments.production.backups.to[1]: repository file:./b is listed twice',
      'guardia.yaml:7:24 environments.production.backups.drill.smoke[0]: no probe "missing" in environments.production.probes',
    ]);
  });
});

describe('environments.*.backups without a repository', () => {
  it('says where backups should go', async () => {
    expect(await problemsOf(env('schedule: "0 2 * * *"'))).toEqual([
      'guardia.yaml:6:7 environments.production.backups: missing required key "to"',
    ]);
  });
});
