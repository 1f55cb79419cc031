import type { Clock } from '../../clock/index.js';
import { GuardiaError, RepositoryError } from '../../errors.js';

/** How often and how patiently a repository operation is tried. */
export interface RetryPolicy {
  /** Tries in all, the first included (default 3). */
  attempts: number;
  /** Wait before the second try; doubled before each further one (default 500 ms: 0.5 s, 1 s, 2 s…). */
  baseDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 3, baseDelayMs: 500 };

/**
 * What a failed try means: `transient` may succeed if tried again (network errors, timeouts,
 * HTTP 5xx and 429, throttling), `not_found` is an absent key, `permanent` will fail again.
 * `reason` is for people and never contains credentials.
 */
export interface ClassifiedFailure {
  kind: 'transient' | 'not_found' | 'permanent';
  reason: string;
}

/** The repository-wide part of retrying: who is called, how to read its failures, how to wait. */
export interface Retrier {
  /** The repository as the user wrote it (`s3://bucket/prefix`), first word of every message. */
  display: string;
  policy: RetryPolicy;
  clock: Clock;
  classify(error: unknown): ClassifiedFailure;
}

/** One operation: what it does to which key, for messages. */
export interface RetriedOperation {
  action: 'read' | 'write' | 'stat' | 'list' | 'delete';
  key: string;
  /** False when the operation consumes something that cannot be produced again (a stream). */
  replayable?: boolean;
  signal?: AbortSignal;
}

/**
 * Runs `attempt` until it succeeds, retrying transient failures with exponential backoff.
 * Throws `RepositoryError`: `notFound` for an absent key at once, a permanent failure at once,
 * and `<display> unreachable after N attempts: <reason>` when the tries run out. An abort
 * (from `signal`) and guardia's own errors (a bad key) pass through untouched.
 */
export async function retrying<T>(retrier: Retrier, operation: RetriedOperation, attempt: () => Promise<T>): Promise<T> {
  const attempts = operation.replayable === false ? 1 : Math.max(1, retrier.policy.attempts);
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof GuardiaError || operation.signal?.aborted) throw error;
      const failure = retrier.classify(error);
      if (failure.kind === 'not_found') throw new RepositoryError(`${retrier.display}: ${operation.key} does not exist`, true, { cause: error });
      if (failure.kind === 'permanent') {
        throw new RepositoryError(`${retrier.display}: cannot ${operation.action} ${operation.key || '/'}: ${failure.reason}`, false, { cause: error });
      }
      if (tried >= attempts) throw unreachable(retrier.display, tried, operation, failure.reason, error);
      await retrier.clock.sleep(retrier.policy.baseDelayMs * 2 ** (tried - 1), operation.signal);
    }
  }
}

function unreachable(display: string, tried: number, operation: RetriedOperation, reason: string, cause: unknown): RepositoryError {
  const times = tried === 1 ? '1 attempt' : `${tried} attempts`;
  const why = operation.replayable === false ? ' (a stream body cannot be sent twice)' : '';
  return new RepositoryError(`${display} unreachable after ${times}${why}: ${reason}`, false, { cause });
}
