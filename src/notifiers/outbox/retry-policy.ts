/** When to retry a failed delivery and when to give up. */
export interface RetryPolicy {
  /** First retry delay; doubles per attempt. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Dead after this many failed attempts… */
  maxAttempts: number;
  /** …or once the notification is this old. */
  maxAgeMs: number;
}

/** 1 s, 2 s, 4 s … capped at 5 min; dead after 30 attempts or 24 h. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { initialDelayMs: 1_000, maxDelayMs: 300_000, maxAttempts: 30, maxAgeMs: 86_400_000 };

/** The delay before attempt `attempts + 1`, after `attempts` failures (≥ 1). */
export function retryDelay(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(30, attempts - 1));
}
