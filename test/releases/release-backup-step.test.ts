import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgCluster } from '../support/pg-cluster.js';
import { cli } from '../support/run-cli-capture.js';
import { tempDir, writeConfig } from '../support/temp-dir.js';

interface Listed {
  status: string;
  reason: string | null;
  steps: { kind: string; status: string; output: string[] }[];
}

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await PgCluster.create();
  await cluster.query('create database app');
  await cluster.query('create table items (id int primary key); insert into items values (1), (2)', 'app');
}, 120_000);
afterAll(() => cluster?.destroy());

/** A project whose production release backs up `database` to `file:./backups`, then "deploys" by touching `deployed`. */
function project(database: string) {
  const dir = tempDir('guardia-release-backup-');
  writeConfig(
    dir,
    `project: backed-up
environments:
  production:
    database: "${database}"
    backups: { to: "file:./backups", verify: { after_backup: false } }
    release:
      steps: [ backup, { run: "touch deployed", name: deploy } ]
`,
  );
  const run = (...argv: string[]) => cli(argv, { cwd: dir, env: { PATH: process.env.PATH ?? '', GUARDIA_USER: 'ana' } });
  return { dir, run };
}

/** Paths of every manifest.json under `dir`. */
function manifests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' })).filter((p) => p.endsWith('manifest.json'));
}

describe('release step backup', () => {
  it('takes a backup before the deploy; the repository has its manifest and the record names the backup id', async () => {
    const { dir, run } = project(cluster.url('app'));
    const result = await run('release', 'production', 'v1.0.0', '--json');
    expect(result.code, result.stderr).toBe(0);
    const found = manifests(join(dir, 'backups'));
    expect(found).toHaveLength(1);
    const id = found[0]?.split('/').at(-2) ?? '';
    expect(id).not.toBe('');
    const { releases } = JSON.parse((await run('releases', 'production', '--json')).stdout) as { releases: Listed[] };
    expect(releases[0]?.steps.map((s) => [s.kind, s.status])).toEqual([['backup', 'succeeded'], ['run', 'succeeded']]);
    expect(releases[0]?.steps[0]?.output.join('\n')).toContain(`backed up app (${id})`);
    expect(existsSync(join(dir, 'deployed'))).toBe(true);
  });

  it('fails the release before the deploy step when the backup fails (database unreachable)', async () => {
    const down = await PgCluster.create();
    const url = down.url('postgres');
    await down.destroy();
    const { dir, run } = project(url);
    const result = await run('release', 'production', 'v1.0.0', '--json');
    expect(result.code).toBe(1);
    const { release } = JSON.parse(result.stdout) as { release: Listed };
    expect(release.status).toBe('failed');
    expect(release.reason).toContain('step backup failed');
    expect(release.steps.map((s) => [s.kind, s.status])).toEqual([['backup', 'failed']]);
    expect(existsSync(join(dir, 'deployed'))).toBe(false);
    expect(manifests(join(dir, 'backups'))).toEqual([]);
  });
});
