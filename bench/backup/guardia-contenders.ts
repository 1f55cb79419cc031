import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCluster } from './bench-cluster.js';
import { sizeOf, shellQuote as q, type Contender } from './contender.js';
import { restoreTarget } from './restore-target.js';

/** The repository's bin/guardia: the command a user runs. */
const GUARDIA_BIN = fileURLToPath(new URL('../../../../bin/guardia', import.meta.url));
const ENVIRONMENT = 'bench';

/**
 * `guardia backup run` and `guardia backup restore --latest`, each a child process exactly as a
 * user runs them, with a generated guardia.yaml backing up `source` to a `file:` repository
 * (verification after the backup is off: the backup is timed until its manifest is written).
 * With `encrypted`, to a fresh age recipient, restored with its identity.
 */
export function guardiaContenders(cluster: BenchCluster, source: string, workDir: string, rows: Record<string, number>, encrypted: boolean): Contender[] {
  const variant = encrypted ? 'age' : 'plain';
  const dir = join(workDir, `guardia-${variant}`);
  const repo = join(dir, 'repo');
  const config = join(dir, 'guardia.yaml');
  const identity = join(dir, 'age-identity.txt');
  const target = restoreTarget(cluster, `restore_guardia_${variant}`, rows);
  const cli = (args: string) => `node ${q(GUARDIA_BIN)} ${args} -c ${q(config)} --data-dir ${q(join(dir, 'state'))}`;
  const suffix = encrypted ? ' (zstd + age)' : ' (zstd)';
  return [
    {
      id: `guardia-backup-${variant}`,
      label: `guardia backup run${suffix}`,
      kind: 'backup',
      role: 'guardia-backup',
      prepare: async () => {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        const recipient = encrypted ? newAgeRecipient(identity) : undefined;
        writeFileSync(config, benchConfig(cluster.url(source), recipient));
      },
      script: cli(`backup run ${ENVIRONMENT}`),
      outputBytes: () => sizeOf(repo),
    },
    {
      id: `guardia-restore-${variant}`,
      label: `guardia backup restore --latest${suffix}`,
      kind: 'restore',
      role: 'guardia-restore',
      prepare: target.drop,
      script: cli(`backup restore ${ENVIRONMENT} --latest --to ${q(target.url)} --yes${encrypted ? ` --identity ${q(identity)}` : ''}`),
      check: async () => {
        await target.check();
        await target.drop();
      },
    },
  ];
}

function benchConfig(databaseUrl: string, recipient: string | undefined): string {
  return `project: backup-bench
environments:
  ${ENVIRONMENT}:
    database: "${databaseUrl}"
    backups:
      to: file:./repo
${recipient ? `      encrypt_to: "${recipient}"\n` : ''}      verify: { after_backup: false }
`;
}

/** Writes a fresh age identity to `file` and returns its recipient (`age1…`). */
function newAgeRecipient(file: string): string {
  rmSync(file, { force: true });
  execFileSync('age-keygen', ['-o', file], { stdio: 'ignore' });
  return execFileSync('age-keygen', ['-y', file], { encoding: 'utf8' }).trim();
}
