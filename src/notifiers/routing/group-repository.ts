import type { Store } from '../../store/index.js';
import type { GroupState } from './group-state.js';

/** Route groups in the store, so a restart resumes their timers and never re-sends. */
export class GroupRepository {
  constructor(private readonly store: Store) {}

  async load(key: string): Promise<{ state: GroupState; dueAt: number | null } | undefined> {
    const row = await this.store.db.selectFrom('notify_group').selectAll().where('group_key', '=', key).executeTakeFirst();
    if (!row) return undefined;
    return { state: JSON.parse(row.state) as GroupState, dueAt: row.due_ms === null ? null : Number(row.due_ms) };
  }

  /** Saves a group, or deletes it once it holds no alerts and nothing awaits a resolve. */
  async save(state: GroupState, dueAt: number | null, now: number): Promise<void> {
    if (Object.keys(state.alerts).length === 0 && state.notified.length === 0) {
      await this.store.db.deleteFrom('notify_group').where('group_key', '=', state.key).execute();
      return;
    }
    const values = { state: JSON.stringify(state), due_ms: dueAt, updated_ms: now };
    await this.store.db
      .insertInto('notify_group')
      .values({ group_key: state.key, ...values })
      .onConflict((oc) => oc.column('group_key').doUpdateSet(values))
      .execute();
  }

  /** Keys of groups due at `now`. */
  async due(now: number): Promise<string[]> {
    const rows = await this.store.db.selectFrom('notify_group').select('group_key').where('due_ms', '<=', now).execute();
    return rows.map((row) => row.group_key);
  }

  async nextDueAt(): Promise<number | undefined> {
    const row = await this.store.db.selectFrom('notify_group').select((eb) => eb.fn.min('due_ms').as('at')).executeTakeFirst();
    return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
  }

  /** Every group's firing alerts: the sources inhibition rules look at. */
  async all(): Promise<GroupState[]> {
    const rows = await this.store.db.selectFrom('notify_group').select('state').execute();
    return rows.map((row) => JSON.parse(row.state) as GroupState);
  }
}
