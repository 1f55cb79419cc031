import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { COMMAND_NAMES, createProgram } from './program.js';
import { VERSION } from './version.js';

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

  it('registers no command for --version alone, yet prints the version', async () => {
    let printed = '';
    const program = await createProgram({ ...io, stdout: (text) => void (printed += text) }, ['-c', 'x.yaml', '--version']);
    expect(program.commands).toEqual([]);
    await expect(program.parseAsync(['node', 'guardia', '-c', 'x.yaml', '--version'])).rejects.toMatchObject({ code: 'commander.version' });
    expect(printed).toBe(`${VERSION}\n`);
    expect((await createProgram(io, ['--version', '--help'])).commands).toHaveLength(COMMAND_NAMES.length);
  });

  it('registers everything for an unknown command, so commander can suggest the nearest', async () => {
    const program = await createProgram(io, ['bakup']);
    expect(program.commands).toHaveLength(COMMAND_NAMES.length);
  });
});
