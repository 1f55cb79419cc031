import type { MetricType } from '../tsdb.js';
import { LabelSets } from './label-sets.js';
import { SeriesEntry, type SeriesKind } from './series-entry.js';
import type { SeriesSelector } from './series-selector.js';

/** What a new entry is made of; `target` and `createdMs` are stored with the series row. */
export interface NewSeries {
  id: number;
  name: string;
  labelsJson: string;
  target: string;
  type: MetricType;
  help: string;
  createdMs: number;
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

/** A series created here and not yet stored, with what its row records besides the entry. */
export interface FreshSeries {
  entry: SeriesEntry;
  target: string;
  createdMs: number;
}

/**
 * Every series known to this process, by name and labels, with per-target counts for the
 * series limit. Loaded from `tsdb_series` and refreshed when other processes add series.
 * Keyed by name, then by the shared labels text, so no key string is built per series;
 * no map by id is kept (the hot paths never need one), as 60,000 series made it megabytes.
 */
export class SeriesIndex {
  private readonly byName = new Map<string, Map<string, SeriesEntry>>();
  private readonly seriesPerTarget = new Map<string, number>();
  private fresh: FreshSeries[] = [];
  private readonly labelSets = new LabelSets();
  private readonly kinds = new Map<string, SeriesKind[]>();
  /** Entries known to be rows of `tsdb_series`. */
  persistedCount = 0;

  get(name: string, labelsJson: string): SeriesEntry | undefined {
    return this.byName.get(name)?.get(labelsJson);
  }

  seriesOf(target: string): number {
    return this.seriesPerTarget.get(target) ?? 0;
  }

  *all(): IterableIterator<SeriesEntry> {
    for (const entries of this.byName.values()) yield* entries.values();
  }

  /** Store ids of the persisted series that `wanted` accepts. */
  storedIds(wanted: (e: SeriesEntry) => boolean = () => true): number[] {
    const ids: number[] = [];
    for (const e of this.all()) if (e.persisted && wanted(e)) ids.push(e.id);
    return ids;
  }

  /** Entries created here and not yet inserted into the store. */
  unpersisted(): FreshSeries[] {
    this.fresh = this.fresh.filter((f) => !f.entry.persisted);
    return [...this.fresh];
  }

  /** Creates and adds an entry; `persisted` when it comes from the store. */
  create(series: NewSeries, persisted: boolean): SeriesEntry {
    const entry = new SeriesEntry(series.id, persisted, this.kindOf(series), this.labelSets.intern(series.labelsJson));
    let sameName = this.byName.get(entry.name);
    if (!sameName) this.byName.set(entry.name, (sameName = new Map()));
    sameName.set(entry.labelsJson, entry);
    this.seriesPerTarget.set(series.target, this.seriesOf(series.target) + 1);
    if (persisted) this.persistedCount++;
    else this.fresh.push({ entry, target: series.target, createdMs: series.createdMs });
    return entry;
  }

  /** Marks an entry as stored under `id` (its own, or the one another process inserted first). */
  adopt(entry: SeriesEntry, id: number): void {
    entry.id = id;
    if (entry.persisted) return;
    entry.persisted = true;
    this.persistedCount++;
  }

  /** Adds stored rows not known yet; a local fresh entry with the same key adopts the stored id. */
  mergeStored(rows: readonly StoredSeries[]): void {
    for (const row of rows) {
      const known = this.get(row.name, row.labels);
      if (known) {
        if (!known.persisted || known.id !== Number(row.id)) this.adopt(known, Number(row.id));
        continue;
      }
      const series = { ...row, id: Number(row.id), labelsJson: row.labels, type: row.type as MetricType, createdMs: Number(row.created_ms) };
      this.create(series, true);
    }
  }

  private kindOf({ name, type, help }: NewSeries): SeriesKind {
    let kinds = this.kinds.get(name);
    if (!kinds) this.kinds.set(name, (kinds = []));
    let kind = kinds.find((k) => k.type === type && k.help === help);
    if (!kind) kinds.push((kind = { name, type, help }));
    return kind;
  }

  select(selector: SeriesSelector): SeriesEntry[] {
    const candidates = selector.name === undefined ? this.all() : (this.byName.get(selector.name)?.values() ?? []);
    const out: SeriesEntry[] = [];
    for (const e of candidates) if (selector.matches(e.name, e.labels)) out.push(e);
    return out;
  }
}
