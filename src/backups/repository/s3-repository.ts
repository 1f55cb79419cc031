import { createReadStream } from 'node:fs';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { systemClock, type Clock } from '../../clock/index.js';
import type { S3RepositoryConfig } from '../../config/resolved-backup-config.js';
import { RepositoryError } from '../../errors.js';
import { classifyS3Failure } from './internal/s3-failure.js';
import type { Repository, RepositoryBody } from './repository.js';
import { assertValidKey, assertValidPrefix } from './repository-key.js';
import { defaultRetryPolicy, retrying, type RetriedOperation, type Retrier, type RetryPolicy } from './retrying.js';

/** Multipart part size: 8 MiB parts, two in flight, so an upload buffers at most 16 MiB. */
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;
/** S3's own page limit for ListObjectsV2 and DeleteObjects. */
const MAX_PAGE_SIZE = 1000;

/** Seams of an S3 repository; production passes none. */
export interface S3RepositoryDeps {
  clock?: Clock;
  retry?: RetryPolicy;
  /** Keys per ListObjectsV2 page and per DeleteObjects batch (at most and by default 1000). */
  pageSize?: number;
}

/**
 * A repository in an S3-compatible bucket under `prefix/`. Credentials come from the SDK's
 * default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profiles, instance roles). Uploads
 * are multipart and only completed at the end, so a failed one leaves nothing under its key.
 * The SDK's own retries are off: `retrying()` owns them, so its backoff is the only one.
 */
export class S3Repository implements Repository {
  readonly display: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly root: string;
  private readonly pageSize: number;
  private readonly retrier: Retrier;

  constructor(config: S3RepositoryConfig, deps: S3RepositoryDeps = {}) {
    this.display = config.display;
    this.bucket = config.bucket;
    this.root = config.prefix === '' ? '' : `${config.prefix}/`;
    this.pageSize = Math.min(MAX_PAGE_SIZE, deps.pageSize ?? MAX_PAGE_SIZE);
    this.client = new S3Client(clientConfig(config));
    const secrets = [process.env.AWS_SECRET_ACCESS_KEY, process.env.AWS_SESSION_TOKEN, process.env.AWS_ACCESS_KEY_ID].filter((s): s is string => !!s);
    this.retrier = {
      display: config.display,
      policy: deps.retry ?? defaultRetryPolicy,
      clock: deps.clock ?? systemClock,
      classify: (error) => classifyS3Failure(error, secrets),
    };
  }

  async put(key: string, body: RepositoryBody, options: { signal?: AbortSignal } = {}): Promise<void> {
    const Key = this.objectKey(key);
    const replayable = !(body instanceof Readable);
    await this.retry({ action: 'write', key, replayable, signal: options.signal }, async () => {
      const source = typeof body === 'function' ? body() : body instanceof Readable || Buffer.isBuffer(body) ? body : createReadStream(body.file);
      // When the body itself fails, that is the cause to report, not what cleaning up the
      // multipart upload then ran into (s3rver, for one, refuses AbortMultipartUpload).
      let bodyError: unknown;
      if (source instanceof Readable) source.on('error', (error: unknown) => (bodyError ??= error));
      const upload = new Upload({
        client: this.client,
        params: { Bucket: this.bucket, Key, Body: source },
        partSize: PART_SIZE,
        queueSize: QUEUE_SIZE,
        leavePartsOnError: false,
      });
      const abort = () => void upload.abort();
      options.signal?.addEventListener('abort', abort, { once: true });
      try {
        await upload.done();
      } catch (error) {
        throw bodyError ?? error;
      } finally {
        options.signal?.removeEventListener('abort', abort);
      }
    });
  }

  async get(key: string, options: { signal?: AbortSignal } = {}): Promise<Readable> {
    const Key = this.objectKey(key);
    const response = await this.retry({ action: 'read', key, signal: options.signal }, () =>
      this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }), { abortSignal: options.signal }),
    );
    if (!(response.Body instanceof Readable)) throw new RepositoryError(`${this.display}: cannot read ${key}: the response has no body stream`);
    return response.Body;
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    const Key = this.objectKey(key);
    try {
      const head = await this.retry({ action: 'stat', key }, () => this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key })));
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof RepositoryError && error.notFound) return undefined;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    assertValidPrefix(prefix);
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.retry({ action: 'list', key: prefix }, () =>
        this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.root + prefix, MaxKeys: this.pageSize, ContinuationToken: token }),
        ),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key.slice(this.root.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async deletePrefix(prefix: string): Promise<void> {
    const keys = await this.list(prefix);
    for (let start = 0; start < keys.length; start += this.pageSize) {
      const batch = keys.slice(start, start + this.pageSize);
      const result = await this.retry({ action: 'delete', key: prefix }, () =>
        this.client.send(
          new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((key) => ({ Key: this.root + key })), Quiet: true } }),
        ),
      );
      const failed = result.Errors?.[0];
      if (failed) {
        const detail = `${failed.Code ?? 'Error'}: ${failed.Message ?? ''}`.trim();
        throw new RepositoryError(`${this.display}: cannot delete ${failed.Key ?? prefix} (${result.Errors?.length} failed): ${detail}`);
      }
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    assertValidKey(key);
    return this.root + key;
  }

  private retry<T>(operation: RetriedOperation, attempt: () => Promise<T>): Promise<T> {
    return retrying(this.retrier, operation, attempt);
  }
}

function clientConfig(config: S3RepositoryConfig): S3ClientConfig {
  return {
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.pathStyle,
    maxAttempts: 1,
    // Without a connection timeout an unreachable host waits for the kernel's (minutes).
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
    ...(config.checksums === 'when_required' && {
      requestChecksumCalculation: 'WHEN_REQUIRED' as const,
      responseChecksumValidation: 'WHEN_REQUIRED' as const,
    }),
  };
}
