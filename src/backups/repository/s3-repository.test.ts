import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../clock/index.js';
import type { S3RepositoryConfig } from '../../config/resolved-backup-config.js';
import { RepositoryError } from '../../errors.js';
import { startS3Server, type S3Server } from '../../../test/support/s3-server.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { S3Repository } from './s3-repository.js';

let server: S3Server;

beforeAll(async () => {
  server = await startS3Server();
  // The SDK's default credential chain reads these, as in production.
  Object.assign(process.env, server.env);
});
afterAll(() => server.stop());

function config(prefix: string, endpoint = server.endpoint): S3RepositoryConfig {
  return {
    kind: 's3',
    bucket: server.bucket,
    prefix,
    region: 'us-east-1',
    endpoint,
    pathStyle: true,
    checksums: 'when_required',
    display: `s3://${server.bucket}/${prefix}`,
  };
}

async function sha256(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A stream of `size` pseudo-random bytes, produced in 1 MiB chunks. */
function randomStream(size: number): { stream: Readable; sha256: string } {
  const data = randomBytes(size);
  const chunks = Array.from({ length: Math.ceil(size / 2 ** 20) }, (_, i) => data.subarray(i * 2 ** 20, (i + 1) * 2 ** 20));
  return { stream: Readable.from(chunks), sha256: createHash('sha256').update(data).digest('hex') };
}

describe('S3Repository against s3rver', () => {
  it('streams a multipart upload of 12 MiB and reads back the same bytes', async () => {
    const repository = new S3Repository(config('multipart'));
    const { stream, sha256: expected } = randomStream(12 * 2 ** 20);
    await repository.put('prod/app/b1/data.zst', stream);
    expect(await repository.stat('prod/app/b1/data.zst')).toEqual({ size: 12 * 2 ** 20 });
    expect(await sha256(await repository.get('prod/app/b1/data.zst'))).toBe(expected);
    await repository.close();
  });

  it('leaves nothing under the key when the stream fails halfway through a multipart upload', async () => {
    const repository = new S3Repository(config('interrupted'));
    let sent = 0;
    const failing = new Readable({
      read() {
        if (sent >= 10 * 2 ** 20) return void this.destroy(new Error('pg_dump was killed'));
        sent += 2 ** 20;
        this.push(randomBytes(2 ** 20));
      },
    });
    await expect(repository.put('b1/data', failing)).rejects.toThrow(/^s3:\/\/backups\/interrupted: cannot write b1\/data: pg_dump was killed$/);
    expect(await repository.stat('b1/data')).toBeUndefined();
    expect(await repository.list('')).toEqual([]);
    await repository.close();
  });

  it('stores buffers, stream factories and local files, replacing what was there', async () => {
    const repository = new S3Repository(config('replace'));
    await repository.put('a/manifest.json', Buffer.from('one'));
    await repository.put('a/manifest.json', () => Readable.from([Buffer.from('two')]));
    expect((await repository.get('a/manifest.json')).read().toString()).toBe('two');
    const file = join(tempDir(), 'three.zst');
    writeFileSync(file, 'three');
    await repository.put('a/manifest.json', { file });
    expect((await repository.get('a/manifest.json')).read().toString()).toBe('three');
    await repository.close();
  });

  it('lists keys under its prefix, sorted, across pages', async () => {
    const repository = new S3Repository(config('listing'), { pageSize: 2 });
    const keys = ['p/b2/x', 'p/b1/y', 'p/b1/x', 'q/z', 'p/b10/x'];
    for (const key of keys) await repository.put(key, Buffer.from(key));
    expect(await repository.list('p/')).toEqual(['p/b1/x', 'p/b1/y', 'p/b10/x', 'p/b2/x']);
    expect(await repository.list('p/b1/')).toEqual(['p/b1/x', 'p/b1/y']);
    expect(await repository.list('')).toEqual([...keys].sort());
    expect(await new S3Repository(config('other')).list('')).toEqual([]);
    await repository.close();
  });

  it('deletes a prefix in batches and leaves the rest', async () => {
    const repository = new S3Repository(config('deleting'), { pageSize: 2 });
    for (const key of ['b1/a', 'b1/b', 'b1/c', 'b1/d/e', 'b2/a']) await repository.put(key, Buffer.from(key));
    await repository.deletePrefix('b1/');
    expect(await repository.list('')).toEqual(['b2/a']);
    await repository.deletePrefix('absent/');
    await repository.close();
  });

  it('reports an absent key as not found', async () => {
    const repository = new S3Repository(config('absent'));
    expect(await repository.stat('nothing/here')).toBeUndefined();
    const error = await repository.get('nothing/here').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepositoryError);
    expect(error).toMatchObject({ notFound: true, message: 's3://backups/absent: nothing/here does not exist' });
    await repository.close();
  });

  it('names a missing bucket without retrying', async () => {
    const repository = new S3Repository({ ...config('x'), bucket: 'no-such-bucket', display: 's3://no-such-bucket/x' }, { clock: recordingClock([]) });
    await expect(repository.put('k', Buffer.from('v'))).rejects.toThrow(/^s3:\/\/no-such-bucket\/x: cannot write k: NoSuchBucket \(HTTP 404\)/);
    await repository.close();
  });
});

describe('S3Repository when the endpoint is unreachable', () => {
  it('retries with backoff, then fails naming the attempts and never the credentials', async () => {
    const delays: number[] = [];
    const closed = await closedPortEndpoint();
    const repository = new S3Repository(config('gone', closed), { clock: recordingClock(delays) });
    const error = (await repository.put('b1/data', () => Readable.from([Buffer.from('x')])).catch((e: unknown) => e)) as RepositoryError;
    expect(error).toBeInstanceOf(RepositoryError);
    expect(error.message).toMatch(/^s3:\/\/backups\/gone unreachable after 3 attempts: .*ECONNREFUSED/);
    expect(error.message).not.toContain(server.env.AWS_SECRET_ACCESS_KEY);
    expect(error.notFound).toBe(false);
    expect(delays).toEqual([500, 1000]);
    await expect(repository.list('')).rejects.toThrow('unreachable after 3 attempts');
    await repository.close();
  });

  it('tries a plain stream only once, since it cannot be replayed', async () => {
    const repository = new S3Repository(config('gone', await closedPortEndpoint()), { clock: recordingClock([]) });
    await expect(repository.put('b1/data', Readable.from([Buffer.from('x')]))).rejects.toThrow(/unreachable after 1 attempt \(a stream body cannot be sent twice\)/);
    await repository.close();
  });
});

/** A clock whose sleeps return at once and are recorded, so backoff is checked without waiting. */
function recordingClock(delays: number[]): Clock {
  return { ...systemClock, sleep: async (ms) => void delays.push(ms) };
}

/** An endpoint on a loopback port that was free a moment ago and is closed now. */
async function closedPortEndpoint(): Promise<string> {
  const { createServer } = await import('node:net');
  const listener = createServer();
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as { port: number };
  await new Promise((resolve) => listener.close(resolve));
  return `http://127.0.0.1:${port}`;
}
