import { parseArgs } from 'node:util';

/** What `npm run bench:backup -- …` asked for. */
export interface BackupBenchOptions {
  /** Runs of every contender; medians are judged. */
  repeat: number;
  /** Measure guardia's backup and restore (off: the seeds' commands only, no verdicts). */
  guardia: boolean;
  /** Also measure guardia with age encryption. */
  encrypted: boolean;
  /** Drop the cached fixture database and build it again. */
  rebuild: boolean;
  /** Where the cluster, the work files and the results go. */
  outDir: string;
}

export const USAGE = `usage: npm run bench:backup -- [options]
  --repeat N        runs of every command, medians judged (default 3)
  --no-guardia      only the seeds' commands (pg_dump | gzip, pg_dump -Fc, gunzip | psql, pg_restore)
  --no-encrypted    guardia without age encryption only
  --rebuild         build the ~1.5 GB fixture database again (else reused from --dir)
  --dir DIR         cluster, work files and results (default bench/out)
  --help`;

/** Parses the command line; throws with a message naming the bad flag. */
export function parseBackupBenchOptions(argv: string[]): BackupBenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      repeat: { type: 'string', default: '3' },
      'no-guardia': { type: 'boolean', default: false },
      'no-encrypted': { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
      dir: { type: 'string', default: 'bench/out' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const repeat = Number(values.repeat);
  if (!Number.isSafeInteger(repeat) || repeat < 1) throw new Error(`--repeat ${values.repeat}: expected a positive whole number`);
  return { repeat, guardia: !values['no-guardia'], encrypted: !values['no-encrypted'], rebuild: values.rebuild, outDir: values.dir };
}
