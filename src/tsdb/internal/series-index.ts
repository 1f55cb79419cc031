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
 * Every series known to this process, by name and by label set, with per-target counts
 * for the series limit. Loaded from `tsdb_series` and refreshed when other processes add
 * series. A series is found through its label set (shared by a probe's series), so no key
 * string and no map entry is made per series; no map by id is kept either (the hot paths
 * never need one): at 60,000 series, each of those maps was megabytes.
 */
export class SeriesIndex {
  private readonly byName = new Map<string, SeriesEntry[]>();
  private readonly seriesPerTarget = new Map<string, number>();
  /** Entries created here and not yet stored, with their rows' target and creation time. */
  private fresh: SeriesEntry[] = [];
  private freshTargets: string[] = [];
  private freshCreatedMs: number[] = [];
  private readonly labelSets = new LabelSets();
  private readonly kinds = new Map<string, SeriesKind[]>();
  /** Entries known to be rows of `tsdb_series`. */
  persistedCount = 0;

  get(name: string, labelsJson: string): SeriesEntry | undefined {
    const set = this.labelSets.find(labelsJson);
    if (!set) return undefined;
    for (const e of set.series) if (e.name === name) return e;
    return undefined;
  }

  seriesOf(target: string): number {
    return this.seriesPerTarget.get(target) ?? 0;
  }

  *all(): IterableIterator<SeriesEntry> {
    for (const entries of this.byName.values()) yield* entries;
  }

  /** Store ids of the persisted series that `wanted` accepts. */
  storedIds(wanted: (e: SeriesEntry) => boolean = () => true): number[] {
    const ids: number[] = [];
    for (const e of this.all()) if (e.persisted && wanted(e)) ids.push(e.id);
    return ids;
  }

  /** Entries created here and not yet inserted into the store. */
  unpersisted(): FreshSeries[] {
    const out: FreshSeries[] = [];
    this.fresh.forEach((entry, i) => {
      if (!entry.persisted) out.push({ entry, target: this.freshTargets[i] as string, createdMs: this.freshCreatedMs[i] as number });
    });
    this.fresh = out.map((f) => f.entry);
    this.freshTargets = out.map((f) => f.target);
    this.freshCreatedMs = out.map((f) => f.createdMs);
    return out;
  }

  /** Creates and adds an entry; `persisted` when it comes from the store. */
  create(series: NewSeries, persisted: boolean): SeriesEntry {
    const set = this.labelSets.intern(series.labelsJson);
    const entry = new SeriesEntry(series.id, persisted, this.kindOf(series), set);
    set.series = set.series.concat(entry);
    const sameName = this.byName.get(entry.name);
    if (sameName) sameName.push(entry);
    else this.byName.set(entry.name, [entry]);
    this.seriesPerTarget.set(series.target, this.seriesOf(series.target) + 1);
    if (persisted) this.persistedCount++;
    else {
      this.fresh.push(entry);
      this.freshTargets.push(series.target);
      this.freshCreatedMs.push(series.createdMs);
    }
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
    const candidates = selector.name === undefined ? this.all() : (this.byName.get(selector.name) ?? []);
    const out: SeriesEntry[] = [];
    for (const e of candidates) if (selector.matches(e.name, e.labels)) out.push(e);
    return out;
  }
}
