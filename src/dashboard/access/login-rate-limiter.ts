/** How many failed logins are allowed within the window, per (IP, name) and per IP. */
export interface LoginLimits {
  perNameAndIp: number;
  perIp: number;
  windowMs: number;
}

/** 5 failures per (IP, name) or 20 per IP (a shared office IP may hold several users) within 15 minutes. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perNameAndIp: 5, perIp: 20, windowMs: 15 * 60_000 };
/** Keys kept at most; the oldest go first so a flood of names cannot grow memory without bound. */
const MAX_KEYS = 10_000;

/**
 * Counts failed logins in memory, for one process: a restart forgets them, which costs an
 * attacker a restart per 5 guesses at worst. Time comes from the injected `now`.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** Milliseconds until another attempt is allowed; 0 when one is allowed now. */
  retryAfterMs(ip: string, name: string): number {
    return Math.max(this.wait(`ip:${ip}`, this.limits.perIp), this.wait(pairKey(ip, name), this.limits.perNameAndIp));
  }

  recordFailure(ip: string, name: string): void {
    for (const key of [`ip:${ip}`, pairKey(ip, name)]) {
      const times = this.recent(key);
      times.push(this.now());
      this.failures.delete(key);
      this.failures.set(key, times);
    }
    while (this.failures.size > MAX_KEYS) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  /** A successful login forgets that name's failures from that IP. */
  recordSuccess(ip: string, name: string): void {
    this.failures.delete(pairKey(ip, name));
  }

  private wait(key: string, max: number): number {
    const times = this.recent(key);
    if (times.length < max) return 0;
    const oldestCounted = times[times.length - max] ?? this.now();
    return Math.max(0, oldestCounted + this.limits.windowMs - this.now());
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }
}

function pairKey(ip: string, name: string): string {
  return `pair:${ip}\n${name.toLowerCase()}`;
}
