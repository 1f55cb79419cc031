import { describe, expect, it } from 'vitest';
import { systemClock } from '../../clock/index.js';
import { RepositoryError, UsageError } from '../../errors.js';
import { classifyS3Failure } from './internal/s3-failure.js';
import { retrying, type Retrier } from './retrying.js';

function retrier(delays: number[] = []): Retrier {
  return {
    display: 's3://bucket/prefix',
    policy: { attempts: 3, baseDelayMs: 500 },
    clock: { ...systemClock, sleep: async (ms) => void delays.push(ms) },
    classify: (error) => classifyS3Failure(error, ['s3cr3t']),
  };
}

/** An operation failing with `failures` in turn, then answering `ok`. */
function flaky(...failures: unknown[]): { calls: () => number; run: () => Promise<string> } {
  let calls = 0;
  return {
    calls: () => calls,
    run: async () => {
      const failure = failures[calls++];
      if (failure !== undefined) throw failure;
      return 'ok';
    },
  };
}

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
const http = (name: string, status: number, message = name) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('retrying', () => {
  it('retries transient failures with exponential backoff until one succeeds', async () => {
    const delays: number[] = [];
    const op = flaky(refused, http('SlowDown', 503));
    expect(await retrying(retrier(delays), { action: 'read', key: 'k' }, op.run)).toBe('ok');
    expect(op.calls()).toBe(3);
    expect(delays).toEqual([500, 1000]);
  });

  it('gives up after the last attempt naming the repository, the count and the reason', async () => {
    const op = flaky(refused, refused, refused);
    const error = await retrying(retrier(), { action: 'write', key: 'k' }, op.run).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepositoryError);
    expect(error).toMatchObject({ notFound: false, message: 's3://bucket/prefix unreachable after 3 attempts: connect ECONNREFUSED 127.0.0.1:9' });
  });

  it.each([
    ['HTTP 500', http('InternalError', 500)],
    ['HTTP 429', http('TooManyRequestsException', 429)],
    ['a timeout', Object.assign(new Error('socket hang up'), { name: 'TimeoutError' })],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
  ])('treats %s as transient', async (_, failure) => {
    const op = flaky(failure);
    expect(await retrying(retrier(), { action: 'list', key: '' }, op.run)).toBe('ok');
  });

  it('reports an absent key at once, as not found', async () => {
    const op = flaky(http('NoSuchKey', 404, 'The specified key does not exist.'));
    await expect(retrying(retrier(), { action: 'read', key: 'b1/manifest.json' }, op.run)).rejects.toMatchObject({
      notFound: true,
      message: 's3://bucket/prefix: b1/manifest.json does not exist',
    });
    expect(op.calls()).toBe(1);
  });

  it('fails at once on a permanent error, masking credentials echoed in it', async () => {
    const op = flaky(http('AccessDenied', 403, 'Access Denied for key s3cr3t'));
    await expect(retrying(retrier(), { action: 'write', key: 'b1/data' }, op.run)).rejects.toThrow(
      's3://bucket/prefix: cannot write b1/data: AccessDenied (HTTP 403): Access Denied for key ***',
    );
    expect(op.calls()).toBe(1);
  });

  it('tries a body that cannot be replayed only once', async () => {
    const op = flaky(refused, refused);
    await expect(retrying(retrier(), { action: 'write', key: 'k', replayable: false }, op.run)).rejects.toThrow(
      's3://bucket/prefix unreachable after 1 attempt (a stream body cannot be sent twice): connect ECONNREFUSED 127.0.0.1:9',
    );
    expect(op.calls()).toBe(1);
  });

  it("passes guardia's own errors and aborts through untouched", async () => {
    const usage = new UsageError('invalid repository key');
    await expect(retrying(retrier(), { action: 'read', key: 'k' }, flaky(usage).run)).rejects.toBe(usage);
    const controller = new AbortController();
    const aborted = new Error('aborted');
    controller.abort(aborted);
    const op = flaky(aborted);
    await expect(retrying(retrier(), { action: 'read', key: 'k', signal: controller.signal }, op.run)).rejects.toBe(aborted);
    expect(op.calls()).toBe(1);
  });
});
