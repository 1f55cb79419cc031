import { InvalidRequestError } from '../../errors.js';
import type { Labels } from '../tsdb.js';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

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
