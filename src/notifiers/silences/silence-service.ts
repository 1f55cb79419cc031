import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock/index.js';
import { InvalidRequestError, NotFoundError } from '../../errors.js';
import type { Store } from '../../store/index.js';
import type { NotifySilenceTable } from '../../store/schema.js';
import { allHold, type LabelMatcher } from '../routing/label-matcher.js';
import type { NewSilence, Silence } from './silence.js';

/** Creates, lists and expires silences; the CLI and the API share it, the pipeline asks it what is muted. */
export class SilenceService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async add(input: NewSilence): Promise<Silence> {
    const now = this.clock.now();
    const startsAt = input.startsAt ?? now;
    if (input.matchers.length === 0) throw new InvalidRequestError('a silence needs at least one matcher, e.g. env=production');
    // Matchers that an alert without labels passes would mute everything.
    if (allHold(input.matchers, {})) {
      throw new InvalidRequestError('these matchers match every alert; name at least one label value, e.g. alertname=ServiceDown');
    }
    if (input.endsAt <= startsAt) throw new InvalidRequestError('a silence must end after it starts');
    if (input.endsAt <= now) throw new InvalidRequestError('a silence must end in the future');
    const row: NotifySilenceTable = {
      id: `sil_${randomBytes(6).toString('hex')}`,
      matchers: JSON.stringify(input.matchers),
      starts_ms: startsAt,
      ends_ms: input.endsAt,
      author: input.author,
      comment: input.comment,
      created_ms: now,
    };
    await this.store.db.insertInto('notify_silence').values(row).execute();
    return toSilence(row, now);
  }

  /** Silences not yet expired, or all with `all`; newest first. */
  async list(options: { all?: boolean } = {}): Promise<Silence[]> {
    const now = this.clock.now();
    let query = this.store.db.selectFrom('notify_silence').selectAll().orderBy('created_ms', 'desc');
    if (!options.all) query = query.where('ends_ms', '>', now);
    return (await query.execute()).map((row) => toSilence(row, now));
  }

  /** Ends a silence now. */
  async expire(id: string): Promise<Silence> {
    const now = this.clock.now();
    const row = await this.store.db.selectFrom('notify_silence').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`no silence "${id}"; see guardia silence list`);
    const endsAt = Math.min(Number(row.ends_ms), now);
    await this.store.db.updateTable('notify_silence').set({ ends_ms: endsAt }).where('id', '=', id).execute();
    return toSilence({ ...row, ends_ms: endsAt }, now);
  }

  /** The active silence muting these labels at `now`, if any. */
  async mutedBy(labels: Readonly<Record<string, string>>, now = this.clock.now()): Promise<Silence | undefined> {
    const rows = await this.store.db.selectFrom('notify_silence').selectAll().where('starts_ms', '<=', now).where('ends_ms', '>', now).execute();
    return rows.map((row) => toSilence(row, now)).find((silence) => allHold(silence.matchers, labels));
  }
}

function toSilence(row: NotifySilenceTable, now: number): Silence {
  const startsAt = Number(row.starts_ms);
  const endsAt = Number(row.ends_ms);
  return {
    id: row.id,
    matchers: JSON.parse(row.matchers) as LabelMatcher[],
    startsAt,
    endsAt,
    author: row.author,
    comment: row.comment,
    createdAt: Number(row.created_ms),
    state: now < startsAt ? 'pending' : now < endsAt ? 'active' : 'expired',
  };
}
