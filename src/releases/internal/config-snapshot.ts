import type { ReleaseConfig, ReleaseStepConfig } from '../../config/schema/release/release-config.js';
import { redactQuery } from '../steps/http-step.js';

/**
 * The `release:` config as a release record keeps it: secrets redacted, and the query strings of
 * deploy hook and status URLs dropped, since providers put their keys there and a key written
 * literally in guardia.yaml (not `${VAR}`) is not a known secret to redact.
 */
export function configSnapshot(config: ReleaseConfig, redact: (text: string) => string, overrideLint: string | undefined): unknown {
  const masked = { ...config, steps: config.steps.map(maskStep), rollback: config.rollback.map(maskStep), ...(overrideLint !== undefined ? { overrideLint } : {}) };
  return JSON.parse(redact(JSON.stringify(masked))) as unknown;
}

function maskStep(step: ReleaseStepConfig): ReleaseStepConfig {
  if (step.kind !== 'http') return step;
  const { poll } = step.http;
  return { ...step, http: { ...step.http, url: redactQuery(step.http.url), ...(poll ? { poll: { ...poll, url: redactQuery(poll.url) } } : {}) } };
}
