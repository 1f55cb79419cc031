import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakePgVersionDir } from '../../../test/support/fake-pg-version.js';
import { ClientToolError, ExitCode } from '../../errors.js';
import { createPgTools } from './pg-tools-cli.js';

// Only one PostgreSQL major is installed here: a script first on PATH reports another
// version for `--version`, so these exercise guardia's guards against real tool output.
function envWith(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}` };
  delete env.PG_BINDIR;
  return env;
}

describe('PgTools version guards', () => {
  it('reads the installed tools\' versions', async () => {
    const env = { ...process.env };
    delete env.PG_BINDIR;
    const version = await createPgTools({ env }).version('pg_dump');
    expect(version.major).toBeGreaterThanOrEqual(15);
    expect(version.text).toMatch(/^\d+\.\d+/);
  });

  it('refuses a pg_dump older than the server, naming both versions and the client to install', async () => {
    const tools = createPgTools({ env: envWith(fakePgVersionDir('14.9')) });
    const check = tools.assertCanDump(160004);
    await expect(check).rejects.toThrow(ClientToolError);
    await expect(check).rejects.toThrow(
      'pg_dump 14.9 is older than the server (16.4): install the PostgreSQL 16 client (e.g. `apt-get install postgresql-client-16`, or set PG_BINDIR)',
    );
    await expect(check).rejects.toMatchObject({ exitCode: ExitCode.unavailable });
  });

  it('accepts a pg_dump of the same or a newer major', async () => {
    const tools = createPgTools({ env: envWith(fakePgVersionDir('17.2')) });
    await expect(tools.assertCanDump(170002)).resolves.toBeUndefined();
    await expect(tools.assertCanDump(150010)).resolves.toBeUndefined();
  });

  it('refuses to restore a backup written by a newer pg_dump', async () => {
    const tools = createPgTools({ env: envWith(fakePgVersionDir('14.9')) });
    await expect(tools.assertCanRestore('15.10')).rejects.toThrow(
      'pg_restore 14.9 is older than the pg_dump 15.10 that wrote this backup: install the PostgreSQL 15 client',
    );
    await expect(tools.assertCanRestore('14.2')).resolves.toBeUndefined();
  });

  it('takes the tools from PG_BINDIR when it is set', async () => {
    const env = { ...process.env, PG_BINDIR: fakePgVersionDir('16beta2') };
    await expect(createPgTools({ env }).version('pg_restore')).resolves.toEqual({ major: 16, text: '16beta2' });
  });

  it('says how to fix a PG_BINDIR without the tool', async () => {
    const env = { ...process.env, PG_BINDIR: mkdtempSync(join(tmpdir(), 'guardia-empty-bin-')) };
    await expect(createPgTools({ env }).version('pg_dump')).rejects.toThrow(/pg_dump is not in PG_BINDIR \(.*\): point PG_BINDIR at a PostgreSQL bin directory/);
  });
});
