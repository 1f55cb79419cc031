import type { HttpStepConfig } from '../../config/schema/release/release-config.js';
import { CheckFailedError } from '../../errors.js';
import type { StepContext } from './step-context.js';

// Enough of a status body to say why the deploy is not done, short enough for a one-line reason.
const LAST_BODY_CHARS = 200;

/**
 * Calls a deploy hook and, with `poll`, GETs the status URL every `everyMs` until the status
 * code or the JSON fields say done. A non-2xx hook answer or a poll timeout fails the step.
 */
export async function runHttpStep(http: HttpStepConfig, ctx: StepContext): Promise<void> {
  const response = await fetch(http.url, { method: http.method, headers: http.headers, signal: ctx.signal, ...(http.body !== undefined ? { body: http.body } : {}) });
  await response.text();
  ctx.line(`${http.method} ${redactQuery(http.url)} → ${response.status}`);
  if (!response.ok) throw new CheckFailedError(`the deploy hook answered ${response.status}`);
  const poll = http.poll;
  if (!poll) return;
  const deadline = ctx.clock.now() + poll.timeoutMs;
  for (;;) {
    const answer = await fetch(poll.url, { signal: ctx.signal });
    const body = await answer.text();
    const done = (poll.untilStatus === undefined || answer.status === poll.untilStatus) && (poll.untilJson === undefined || jsonMatches(body, poll.untilJson));
    ctx.line(`poll ${redactQuery(poll.url)} → ${answer.status}${done ? ' (done)' : ''}`);
    if (done) return;
    if (ctx.clock.now() + poll.everyMs > deadline) {
      const last = `${answer.status} ${body.trim().slice(0, LAST_BODY_CHARS)}`.trim();
      throw new CheckFailedError(`the deploy did not finish within ${Math.round(poll.timeoutMs / 1000)} s (the status URL last answered ${last})`);
    }
    await ctx.clock.sleep(poll.everyMs, ctx.signal);
  }
}

function jsonMatches(body: string, expected: Record<string, unknown>): boolean {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    return Object.entries(expected).every(([key, value]) => JSON.stringify(json[key]) === JSON.stringify(value));
  } catch {
    return false;
  }
}

/** A deploy hook URL without its query string, where providers put the key (`?key=…`). */
export function redactQuery(url: string): string {
  const parsed = new URL(url);
  return parsed.search ? `${parsed.origin}${parsed.pathname}?…` : url;
}
