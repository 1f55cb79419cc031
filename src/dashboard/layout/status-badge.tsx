import type { Child } from 'hono/jsx';

/** A probe or environment state; the text says it, colour only repeats it. */
export type BadgeState = 'up' | 'degraded' | 'down' | 'unknown';

const SYMBOL: Record<BadgeState, string> = { up: '●', degraded: '▲', down: '✕', unknown: '?' };

/** A state badge: a symbol and the state's word, styled by `.badge-<state>`. */
export function StatusBadge(props: { state: BadgeState }): Child {
  return (
    <span class={`badge badge-${props.state}`}>
      <span aria-hidden="true">{SYMBOL[props.state]}</span> {props.state}
    </span>
  );
}
