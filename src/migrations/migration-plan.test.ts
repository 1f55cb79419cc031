import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-dir.js';
import { MigrationError } from '../errors.js';
import { readMigrationFiles } from './migration-file.js';
import { assertUnchanged, planMigrations } from './migration-plan.js';

const at = new Date('2026-01-01T00:00:00Z');

describe('readMigrationFiles', () => {
  it('reads NNNN_name.sql in version order with checksum and transaction mode', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0010_later.sql'), 'SELECT 2;');
    writeFileSync(join(dir, '0002_index.sql'), '-- guardia: no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);');
    writeFileSync(join(dir, 'README.md'), 'not a migration');
    const files = await readMigrationFiles(dir);
    expect(files.map((f) => [f.version, f.name, f.transactional])).toEqual([
      [2, 'index', false],
      [10, 'later', true],
    ]);
    expect(files[1]?.sha256).toBe('8e7003d62f9d8cbd28da2f243bb0d215bfd4622c716be09be89a8764d9f4c7cb'); // sha256sum of "SELECT 2;"
  });

  it('rejects a .sql file without a version number', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'init.sql'), 'SELECT 1;');
    await expect(readMigrationFiles(dir)).rejects.toThrow(/init\.sql: expected a name like 0001_create_users\.sql/);
  });
});

describe('planMigrations', () => {
  const file = (version: number, sha256: string) => ({ version, name: `m${version}`, file: `000${version}_m${version}.sql`, path: '', sql: '', sha256, transactional: true });
  const row = (version: number, sha256: string) => ({ version, name: `m${version}`, sha256, appliedAt: at, durationMs: 3 });

  it('joins files and history: applied, changed, pending, and missing files', () => {
    const statuses = planMigrations([file(1, 'a'), file(2, 'b'), file(4, 'd')], [row(1, 'a'), row(2, 'x'), row(3, 'c')]);
    expect(statuses.map((s) => [s.version, s.state])).toEqual([
      [1, 'applied'],
      [2, 'changed'],
      [3, 'missing'],
      [4, 'pending'],
    ]);
    expect(statuses[0]).toMatchObject({ appliedAt: '2026-01-01T00:00:00.000Z', durationMs: 3 });
    expect(() => assertUnchanged(statuses)).toThrow(MigrationError);
    expect(() => assertUnchanged(statuses)).toThrow(/0002_m2\.sql was edited/);
  });
});
