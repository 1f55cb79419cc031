import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { configJsonSchema } from '../../config/index.js';
import type { CliIo } from '../cli-io.js';

/** `guardia schema`: the JSON Schema of guardia.yaml, for editors. Needs no config. */
export function registerSchemaCommand(program: CommandUnknownOpts, io: CliIo): void {
  program
    .command('schema')
    .description('print the JSON Schema of guardia.yaml (for yaml-language-server and other editors)')
    .action(() => {
      io.stdout(JSON.stringify(configJsonSchema(), null, 2) + '\n');
    });
}
