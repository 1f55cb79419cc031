import { InvalidRequestError } from '../../errors.js';
import type { Labels } from '../tsdb.js';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * Canonical JSON of a label set: keys sorted, `__name__` and empty values left out
 * (Prometheus treats `l=""` as no label `l`). This text is the stored identity of a series.
 */
export function canonicalLabels(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  const sorted: Record<string, string> = {};
  for (const key of keys) {
    const value = labels[key];
    if (key === '__name__' || value === undefined || value === '') continue;
    if (typeof value !== 'string') throw new InvalidRequestError(`label ${key} must be a string`);
    sorted[key] = value;
  }
  return JSON.stringify(sorted);
}

/** The index key of a series; names cannot contain `{`, so name + labels JSON is unambiguous. */
export function seriesKey(name: string, labelsJson: string): string {
  return name + labelsJson;
}

/** Checks names once, when a series is first seen (not on every sample). */
export function validateSeriesNames(name: string, labels: Labels): void {
  if (!METRIC_NAME.test(name)) {
    throw new InvalidRequestError(`invalid metric name ${JSON.stringify(name)}: use [a-zA-Z_:][a-zA-Z0-9_:]*`);
  }
  for (const key of Object.keys(labels)) {
    if (key !== '__name__' && !LABEL_NAME.test(key)) {
      throw new InvalidRequestError(`invalid label name ${JSON.stringify(key)} on ${name}: use [a-zA-Z_][a-zA-Z0-9_]*`);
    }
  }
}
