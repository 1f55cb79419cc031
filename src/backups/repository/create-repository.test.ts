import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';
import { createRepository } from './create-repository.js';
import { FileRepository } from './file-repository.js';
import { RepositoryError } from '../../errors.js';

describe('createRepository', () => {
  it('opens the kind of repository the config names', async () => {
    const file = createRepository({ kind: 'file', path: tempDir(), display: 'file:./backups' });
    expect(file).toBeInstanceOf(FileRepository);
    expect(file.display).toBe('file:./backups');
    const s3 = createRepository(
      {
      kind: 's3',
      bucket: 'b',
      prefix: 'p',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9',
      pathStyle: true,
      checksums: 'when_required',
      display: 's3://b/p',
      },
      { retry: { attempts: 1, baseDelayMs: 1 } },
    );
    expect(s3.display).toBe('s3://b/p');
    // The SDK loads on first use; the first call then talks S3 to the (closed) endpoint.
    const error = await s3.list('').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepositoryError);
    expect((error as Error).message).toMatch(/^s3:\/\/b\/p[: ]/);
    await Promise.all([file.close(), s3.close()]);
  });
});
