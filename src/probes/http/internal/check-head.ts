import type { HttpProbeSpec } from '../../../config/resolved-config.js';
import { formatDuration } from '../../internal/format-duration.js';
import { compileRegex } from './compile-regex.js';
import type { CheckReport } from './finding.js';
import { down } from './finding.js';
import { showJson } from './json-value.js';
import type { HttpResponse } from './send-request.js';
import { describeRanges, statusInRanges } from './status-ranges.js';

/** Checks what needs no body: status code, header regexes and maximum latency. */
export function checkHead(spec: HttpProbeSpec, response: HttpResponse, latencyMs: number): CheckReport {
  const report: CheckReport = {
    findings: [],
    metrics: [{ name: 'guardia_probe_http_status_code', help: 'HTTP status code of the last response.', type: 'gauge', value: response.status }],
  };
  const { expect } = spec;
  if (!statusInRanges(response.status, expect.status)) {
    report.findings.push(down(`HTTP ${response.status} (expected ${describeRanges(expect.status)})`));
  }
  for (const [name, source] of Object.entries(expect.headers)) {
    const regex = compileRegex(source);
    if (typeof regex === 'string') {
      report.findings.push(down(regex));
      continue;
    }
    const raw = response.headers[name.toLowerCase()];
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    if (value === undefined) report.findings.push(down(`header ${name} is missing`));
    else if (!regex.test(value)) report.findings.push(down(`header ${name} is ${showJson(value)}, expected /${source}/`));
  }
  if (expect.maxLatencyMs !== undefined && latencyMs > expect.maxLatencyMs) {
    report.findings.push(down(`too slow: ${formatDuration(latencyMs)} > ${formatDuration(expect.maxLatencyMs)}`));
  }
  return report;
}
