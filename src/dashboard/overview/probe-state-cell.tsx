import type { Child } from 'hono/jsx';
import { StatusBadge, type BadgeState } from '../layout/status-badge.js';

/**
 * What a probe row's state cell holds: its badge and, unless up, the reason. `/live` sends
 * the same markup as the event `probe-<id>`, which htmx swaps into the cell.
 */
export function ProbeStateCell(props: { status: BadgeState; reason: string }): Child {
  return (
    <>
      <StatusBadge state={props.status} />
      {props.status !== 'up' && props.reason !== '' && <div class="reason">{props.reason}</div>}
    </>
  );
}

/** The SSE event name of a probe's state cell. */
export function probeEventName(probeId: string): string {
  return `probe-${probeId}`;
}
