import type { Labels, MetricType } from '../tsdb.js';
import type { SeriesHead } from './series-head.js';
import type { SeriesSelector } from './series-selector.js';
import { seriesKey } from './series-key.js';

/** One series as this process knows it. */
export interface SeriesEntry {
  /** Store id; provisional (random, not yet inserted) until `persisted`. */
  id: number;
  persisted: boolean;
  readonly key: string;
  readonly name: string;
  readonly labels: Labels;
  readonly labelsJson: string;
  readonly target: string;
  readonly type: MetricType;
  readonly help: string;
  readonly createdMs: number;
  /** Present once this process appended to the series. */
  head: SeriesHead | undefined;
}

/** A `tsdb_series` row as read (ids may come back as strings from some drivers). */
export interface StoredSeries {
  id: number | string;
  name: string;
  labels: string;
  target: string;
  type: string;
  help: string;
  created_ms: number | string;
}

/**
 * Every series known to this process, by key, name and id, with per-target counts for the
 * series limit. Loaded from `tsdb_series` and refreshed when other processes add series.
 */
export class SeriesIndex {
  private readonly byKey = new Map<string, SeriesEntry>();
  private readonly byName = new Map<string, SeriesEntry[]>();
  private readonly byId = new Map<number, SeriesEntry>();
  private readonly perTarget = new Map<string, number>();
  private readonly fresh = new Set<SeriesEntry>();
  /** Entries known to be rows of `tsdb_series`. */
  persistedCount = 0;

  get size(): number {
    return this.byKey.size;
  }

  get(key: string): SeriesEntry | undefined {
    return this.byKey.get(key);
  }

  getById(id: number): SeriesEntry | undefined {
    return this.byId.get(id);
  }

  seriesOf(target: string): number {
    return this.perTarget.get(target) ?? 0;
  }

  all(): IterableIterator<SeriesEntry> {
    return this.byKey.values();
  }

  /** Entries created here and not yet inserted into the store. */
  unpersisted(): SeriesEntry[] {
    return [...this.fresh];
  }

  add(entry: SeriesEntry): void {
    this.byKey.set(entry.key, entry);
    this.byId.set(entry.id, entry);
    const sameName = this.byName.get(entry.name);
    if (sameName) sameName.push(entry);
    else this.byName.set(entry.name, [entry]);
    this.perTarget.set(entry.target, this.seriesOf(entry.target) + 1);
    if (entry.persisted) this.persistedCount++;
    else this.fresh.add(entry);
  }

  /** Marks an entry as stored under `id` (its own, or the one another process inserted first). */
  adopt(entry: SeriesEntry, id: number): void {
    this.byId.delete(entry.id);
    entry.id = id;
    this.byId.set(id, entry);
    if (entry.persisted) return;
    entry.persisted = true;
    this.persistedCount++;
    this.fresh.delete(entry);
  }

  /** Gives a fresh entry another provisional id (its random id clashed with another series). */
  reassign(entry: SeriesEntry, id: number): void {
    this.byId.delete(entry.id);
    entry.id = id;
    this.byId.set(id, entry);
  }

  /** Adds stored rows not known yet; a local fresh entry with the same key adopts the stored id. */
  mergeStored(rows: readonly StoredSeries[]): void {
    for (const row of rows) {
      const key = seriesKey(row.name, row.labels);
      const known = this.byKey.get(key);
      if (known) {
        if (!known.persisted || known.id !== Number(row.id)) this.adopt(known, Number(row.id));
        continue;
      }
      this.add({
        id: Number(row.id), persisted: true, key, name: row.name,
        labels: Object.freeze(JSON.parse(row.labels) as Record<string, string>), labelsJson: row.labels,
        target: row.target, type: row.type as MetricType, help: row.help, createdMs: Number(row.created_ms),
        head: undefined,
      });
    }
  }

  select(selector: SeriesSelector): SeriesEntry[] {
    const candidates = selector.name === undefined ? this.byKey.values() : (this.byName.get(selector.name) ?? []);
    const out: SeriesEntry[] = [];
    for (const e of candidates) if (selector.matches(e.name, e.labels)) out.push(e);
    return out;
  }
}
