import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../clock/index.js';
import { LoginRateLimiter } from './login-rate-limiter.js';

const MINUTE = 60_000;

describe('LoginRateLimiter', () => {
  it('blocks a name from an address after 5 failures in 15 minutes, counting from the oldest', async () => {
    const clock = new FakeClock();
    const limiter = new LoginRateLimiter(() => clock.now());
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfterMs('10.0.0.1', 'alice')).toBe(0);
      limiter.recordFailure('10.0.0.1', 'alice');
      await clock.advance(MINUTE);
    }
    expect(limiter.retryAfterMs('10.0.0.1', 'alice')).toBe(10 * MINUTE);
    expect(limiter.retryAfterMs('10.0.0.1', 'ALICE')).toBe(10 * MINUTE);
    expect(limiter.retryAfterMs('10.0.0.2', 'alice')).toBe(0);
    expect(limiter.retryAfterMs('10.0.0.1', 'bob')).toBe(0);
    await clock.advance(10 * MINUTE);
    expect(limiter.retryAfterMs('10.0.0.1', 'alice')).toBe(0);
  });

  it('blocks an address after 20 failures over any names, and a success clears only its name', async () => {
    const clock = new FakeClock();
    const limiter = new LoginRateLimiter(() => clock.now());
    for (let i = 0; i < 4; i++) limiter.recordFailure('10.0.0.1', 'alice');
    limiter.recordSuccess('10.0.0.1', 'alice');
    for (let i = 0; i < 16; i++) limiter.recordFailure('10.0.0.1', `user${i}`);
    expect(limiter.retryAfterMs('10.0.0.1', 'someone')).toBe(15 * MINUTE);
    expect(limiter.retryAfterMs('10.0.0.9', 'someone')).toBe(0);
  });
});
