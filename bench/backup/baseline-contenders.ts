import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pgBin } from '../../test/support/pg-cluster.js';
import type { BenchCluster } from './bench-cluster.js';
import { sizeOf, shellQuote as q, type Contender } from './contender.js';
import { restoreTarget } from './restore-target.js';

/**
 * The seeds' own commands, as their runbooks write them: a plain dump through gzip and its
 * restore through psql, a custom-format dump, and a parallel directory dump restored with
 * `pg_restore -j2`. Outputs go to `workDir`; each restore goes into a fresh database.
 */
export function baselineContenders(cluster: BenchCluster, source: string, workDir: string, rows: Record<string, number>): Contender[] {
  const src = q(cluster.url(source));
  const gzipFile = join(workDir, 'f.sql.gz');
  const customFile = join(workDir, 'f.dump');
  const dumpDir = join(workDir, 'f.dir');
  const psqlTarget = restoreTarget(cluster, 'restore_psql', rows);
  const pgRestoreTarget = restoreTarget(cluster, 'restore_pg_restore', rows);
  const removing = (path: string) => async () => rmSync(path, { recursive: true, force: true });
  return [
    {
      id: 'pg_dump-gzip',
      label: 'pg_dump | gzip > f.sql.gz',
      kind: 'backup',
      role: 'baseline-backup',
      prepare: removing(gzipFile),
      script: `${q(pgBin('pg_dump'))} -d ${src} | gzip > ${q(gzipFile)}`,
      outputBytes: () => sizeOf(gzipFile),
    },
    {
      id: 'pg_dump-Fc',
      label: 'pg_dump -Fc -f f.dump',
      kind: 'backup',
      prepare: removing(customFile),
      script: `${q(pgBin('pg_dump'))} -Fc -d ${src} -f ${q(customFile)}`,
      outputBytes: () => sizeOf(customFile),
    },
    {
      id: 'pg_dump-Fd-j2',
      label: 'pg_dump -Fd -j2 -f f.dir',
      kind: 'backup',
      prepare: removing(dumpDir),
      script: `${q(pgBin('pg_dump'))} -Fd -j2 -d ${src} -f ${q(dumpDir)}`,
      outputBytes: () => sizeOf(dumpDir),
    },
    {
      id: 'gunzip-psql',
      label: 'gunzip -c f.sql.gz | psql -q',
      kind: 'restore',
      role: 'baseline-restore',
      prepare: psqlTarget.recreate,
      script: `gunzip -c ${q(gzipFile)} | ${q(pgBin('psql'))} -q -X -v ON_ERROR_STOP=1 -d ${q(psqlTarget.url)} > /dev/null`,
      check: async () => {
        await psqlTarget.check();
        await psqlTarget.drop();
      },
    },
    {
      id: 'pg_restore-j2',
      label: 'pg_restore -j2 -d db f.dir',
      kind: 'restore',
      prepare: pgRestoreTarget.recreate,
      script: `${q(pgBin('pg_restore'))} -j2 --exit-on-error -d ${q(pgRestoreTarget.url)} ${q(dumpDir)}`,
      check: async () => {
        await pgRestoreTarget.check();
        await pgRestoreTarget.drop();
      },
    },
  ];
}
