import type { Labels, MetricType } from '../tsdb.js';
import type { LabelSet } from './label-sets.js';

/** What the series of one metric share: name, type and help, one object per distinct triple. */
export interface SeriesKind {
  readonly name: string;
  readonly type: MetricType;
  readonly help: string;
}

/**
 * One series as this process knows it. What it shares with other series (kind, label set)
 * is referenced, not copied: tens of thousands of entries stay at five fields each.
 */
export class SeriesEntry {
  /** Slot of this process's head (`SeriesHeads`), or -1 until it appends to the series. */
  slot = -1;

  constructor(
    /** Store id; provisional (random, not yet inserted) until `persisted`. */
    public id: number,
    public persisted: boolean,
    readonly kind: SeriesKind,
    readonly labelSet: LabelSet,
  ) {}

  get name(): string {
    return this.kind.name;
  }

  get type(): MetricType {
    return this.kind.type;
  }

  get help(): string {
    return this.kind.help;
  }

  get labels(): Labels {
    return this.labelSet.labels;
  }

  /** The canonical labels text: the stored identity of the series, with its name. */
  get labelsJson(): string {
    return this.labelSet.json;
  }
}
