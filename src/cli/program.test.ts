import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { COMMAND_NAMES, createProgram } from './program.js';

const io: CliIo = { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: '/' };

describe('createProgram', () => {
  it('registers every command, in help order, when no command is named', async () => {
    const program = await createProgram(io, ['--help']);
    expect(program.commands.map((c) => c.name())).toEqual(COMMAND_NAMES);
  });

  it('registers only the module of the command named, after global options and their values', async () => {
    const program = await createProgram(io, ['-c', 'backup', '--data-dir', '/tmp/x', '--json', 'releases', 'production']);
    expect(program.commands.map((c) => c.name())).toEqual(['release', 'approve', 'rollback', 'releases']);
  });

  it('declares each command under the module that registers it', async () => {
    for (const name of COMMAND_NAMES) {
      const program = await createProgram(io, [name]);
      expect(program.commands.map((c) => c.name())).toContain(name);
    }
  });

  it('registers everything for an unknown command, so commander can suggest the nearest', async () => {
    const program = await createProgram(io, ['bakup']);
    expect(program.commands).toHaveLength(COMMAND_NAMES.length);
  });
});
