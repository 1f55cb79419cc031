import type { HttpProbeSpec } from '../../../config/resolved-config.js';
import { formatBytes } from '../../internal/format-bytes.js';
import { compileRegex } from './compile-regex.js';
import type { CheckReport } from './finding.js';
import { down } from './finding.js';
import { healthMetrics, healthReason, parseHealthReport } from './health-json.js';
import { checkJsonPathCondition } from './json-path-condition.js';
import { findSubsetMismatch } from './json-subset.js';
import type { HttpResponse } from './send-request.js';

/** True when some check needs the response body (health `auto` peeks at it too). */
export function needsBody(spec: HttpProbeSpec): boolean {
  const { expect, health } = spec;
  return expect.body !== undefined || expect.json !== undefined || expect.jsonPath.length > 0 || health.mode !== 'off';
}

/** True when a configured check (not merely health `auto`) cannot do without the body. */
function requiresBody(spec: HttpProbeSpec): boolean {
  const { expect, health } = spec;
  return expect.body !== undefined || expect.json !== undefined || expect.jsonPath.length > 0 || health.mode === 'on';
}

/** Checks the body: regex, JSON subset, JSON-path conditions and the health document. */
export function checkBody(spec: HttpProbeSpec, response: HttpResponse): CheckReport {
  const report: CheckReport = { findings: [], metrics: [] };
  if (response.body === undefined) {
    if (response.bodyTooLarge && requiresBody(spec)) report.findings.push(down(`response body exceeds ${formatBytes(spec.maxBodyBytes)}`));
    return report;
  }
  const text = response.body.toString('utf8');
  const { expect } = spec;
  if (expect.body !== undefined) {
    const regex = compileRegex(expect.body);
    if (typeof regex === 'string') report.findings.push(down(regex));
    else if (!regex.test(text)) report.findings.push(down(`body does not match /${expect.body}/`));
  }
  const json = parseJson(text);
  const wantsJson = expect.json !== undefined || expect.jsonPath.length > 0 || spec.health.mode === 'on';
  if (json === NOT_JSON) {
    if (wantsJson) report.findings.push(down('body is not JSON'));
    return report;
  }
  if (expect.json !== undefined) {
    const mismatch = findSubsetMismatch(json, expect.json);
    if (mismatch) report.findings.push(down(mismatch));
  }
  for (const condition of expect.jsonPath) {
    const failure = checkJsonPathCondition(json, condition);
    if (failure) report.findings.push(down(failure));
  }
  if (spec.health.mode !== 'off') checkHealth(spec, json, report);
  return report;
}

function checkHealth(spec: HttpProbeSpec, json: unknown, report: CheckReport): void {
  const health = parseHealthReport(json, spec.health.vocabulary, spec.health.mode === 'on');
  if (!health) {
    if (spec.health.mode === 'on') report.findings.push(down('body is not health JSON (no string "status")'));
    return;
  }
  report.metrics.push(...healthMetrics(health));
  if (health.status !== 'up') report.findings.push({ status: health.status, reason: healthReason(health) });
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}
