import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { ExitCode } from '../../errors.js';
import { ALLOW_SECRET_MARKER, scanSecrets, type SecretScanResult } from '../../secrets/index.js';
import type { CliIo, GlobalOptions } from '../cli-io.js';
import { emit } from '../output.js';
import { ExitSignal } from '../run-cli.js';

/** `guardia secrets scan [path…]`: committed credentials, masked. Needs no config. */
export function registerSecretsCommand(program: CommandUnknownOpts, io: CliIo): void {
  const secrets = program.command('secrets').description('credentials committed to files');
  secrets
    .command('scan')
    .description(`find credentials in files, skipping .git, node_modules and binaries (exit 1 when any is found; "${ALLOW_SECRET_MARKER}" on a line allows it)`)
    .argument('[paths...]', 'files or directories (default: the current directory)')
    .action(async (paths: string[], _options, command) => {
      const options = command.optsWithGlobals() as GlobalOptions;
      const result = await scanSecrets(paths.length > 0 ? paths : ['.'], { cwd: io.cwd });
      emit(io, options, result, () => result.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.masked}`));
      if (!options.json) io.stderr(summary(result) + '\n');
      if (result.findings.length > 0) throw new ExitSignal(ExitCode.failed);
    });
}

function summary(result: SecretScanResult): string {
  const files = new Set(result.findings.map((f) => f.file)).size;
  const count = result.findings.length;
  return `${count} ${count === 1 ? 'finding' : 'findings'} in ${files} ${files === 1 ? 'file' : 'files'} (${result.scanned} ${result.scanned === 1 ? 'file' : 'files'} scanned)`;
}
