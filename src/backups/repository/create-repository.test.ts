import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';
import { createRepository } from './create-repository.js';
import { FileRepository } from './file-repository.js';
import { S3Repository } from './s3-repository.js';

describe('createRepository', () => {
  it('opens the kind of repository the config names', async () => {
    const file = createRepository({ kind: 'file', path: tempDir(), display: 'file:./backups' });
    expect(file).toBeInstanceOf(FileRepository);
    expect(file.display).toBe('file:./backups');
    const s3 = createRepository({
      kind: 's3',
      bucket: 'b',
      prefix: 'p',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9',
      pathStyle: true,
      checksums: 'when_required',
      display: 's3://b/p',
    });
    expect(s3).toBeInstanceOf(S3Repository);
    expect(s3.display).toBe('s3://b/p');
    await Promise.all([file.close(), s3.close()]);
  });
});
