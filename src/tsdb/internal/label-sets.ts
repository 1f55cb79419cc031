import { InvalidRequestError } from '../../errors.js';
import type { Labels } from '../tsdb.js';
import type { SeriesEntry } from './series-entry.js';

/** Label sets a caller passes again and again (frozen, so they cannot change) → their canonical JSON. */
const canonicalOfFrozen = new WeakMap<Labels, string>();

/**
 * Canonical JSON of a label set: keys sorted, `__name__` and empty values left out
 * (Prometheus treats `l=""` as no label `l`). This text is the stored identity of a series.
 * A frozen label set is canonicalized once, so a caller that reuses one appends without
 * building a string per sample.
 */
export function canonicalLabels(labels: Labels): string {
  const frozen = Object.isFrozen(labels);
  if (frozen) {
    const known = canonicalOfFrozen.get(labels);
    if (known !== undefined) return known;
  }
  const keys = Object.keys(labels).sort();
  const sorted: Record<string, string> = {};
  for (const key of keys) {
    const value = labels[key];
    if (key === '__name__' || value === undefined || value === '') continue;
    if (typeof value !== 'string') throw new InvalidRequestError(`label ${key} must be a string`);
    sorted[key] = value;
  }
  const json = JSON.stringify(sorted);
  if (frozen) canonicalOfFrozen.set(labels, json);
  return json;
}

export interface LabelSet {
  readonly json: string;
  readonly labels: Labels;
  /**
   * The series with these labels (one per metric name, a handful at most). Replaced, not
   * pushed to, when one is added: a pushed or spread array reserves room for more.
   */
  series: readonly SeriesEntry[];
}

/**
 * One copy of every distinct label set: a probe's six series share two, and series
 * loaded from the store would otherwise each hold their own copy of the same text.
 */
export class LabelSets {
  private readonly sets = new Map<string, LabelSet>();

  /** The label set of a canonical JSON text, if any series has it. */
  find(json: string): LabelSet | undefined {
    return this.sets.get(json);
  }

  /** The shared JSON text and frozen labels object of a canonical label set, created on first sight. */
  intern(json: string): LabelSet {
    let set = this.sets.get(json);
    if (set === undefined) {
      set = { json, labels: Object.freeze(JSON.parse(json) as Record<string, string>), series: [] };
      this.sets.set(json, set);
    }
    return set;
  }
}
