import { compareLabelSets, labelSetKey } from '../internal/label-set.js';
import type { AlertView, SampleView } from './rule-test-result.js';

/*
 * How promtool 2.42 compares expectations: both sides sorted by labels (alerts then by
 * annotations) and compared item by item; labels must be identical and sample values
 * equal as floats, so a NaN never matches, even an expected NaN.
 */

/** Alerts in label order, then annotation order. */
export function sortAlerts(alerts: readonly AlertView[]): AlertView[] {
  return [...alerts].sort((a, b) => compareLabelSets(a.labels, b.labels) || compareLabelSets(a.annotations, b.annotations));
}

/** Samples in label order, as promtool sorts both sides. */
export function sortSamples(samples: readonly SampleView[]): SampleView[] {
  return [...samples].sort((a, b) => compareLabelSets(a.labels, b.labels));
}

/** True when the sorted lists match pairwise. */
export function alertsMatch(expected: readonly AlertView[], got: readonly AlertView[]): boolean {
  return expected.length === got.length && expected.every((e, i) => alertKey(e) === alertKey(got[i] as AlertView));
}

/** True when the sorted lists match pairwise, values compared with `===`. */
export function samplesMatch(expected: readonly SampleView[], got: readonly SampleView[]): boolean {
  return expected.length === got.length && expected.every((e, i) => labelSetKey(e.labels) === labelSetKey((got[i] as SampleView).labels) && e.value === (got[i] as SampleView).value);
}

/** Equal for alerts with the same labels and annotations. */
export function alertKey(alert: AlertView): string {
  return `${labelSetKey(alert.labels)}\u0000${labelSetKey(alert.annotations)}`;
}
