import type { LabelMatcher } from '../routing/label-matcher.js';

/** A silence: alerts matching every matcher are not notified between `startsAt` and `endsAt`. */
export interface Silence {
  id: string;
  matchers: LabelMatcher[];
  startsAt: number;
  endsAt: number;
  /** Who created it (`--as`, or the API token's name). */
  author: string;
  comment: string;
  createdAt: number;
  /** `pending` before it starts, `active`, `expired` after its end. */
  state: 'pending' | 'active' | 'expired';
}

/** What creating a silence takes. */
export interface NewSilence {
  matchers: LabelMatcher[];
  /** Default: now. */
  startsAt?: number;
  endsAt: number;
  author: string;
  comment: string;
}
