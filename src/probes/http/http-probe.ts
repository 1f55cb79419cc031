import type { HttpProbeSpec } from '../../config/resolved-config.js';
import type { Probe, ProbeContext, ProbeOutcome } from '../probe.js';
import { checkBody, needsBody } from './internal/check-body.js';
import { checkCertificate } from './internal/check-certificate.js';
import { checkHead } from './internal/check-head.js';
import type { Finding } from './internal/finding.js';
import { followRedirects } from './internal/follow-redirects.js';
import { httpErrorReason } from './internal/http-error-reason.js';

/**
 * Probes an HTTP(S) endpoint with node:http/node:https: status ranges, header and body
 * regexes, JSON subset and JSON-path conditions, health documents, maximum latency,
 * manual redirects, a byte-capped body and TLS certificate expiry.
 */
export class HttpProbe implements Probe {
  readonly kind = 'http';

  constructor(private readonly spec: HttpProbeSpec) {}

  async run(ctx: ProbeContext): Promise<ProbeOutcome> {
    const started = ctx.clock.now();
    const readBody = needsBody(this.spec);
    let result;
    try {
      result = await followRedirects(this.spec, () => readBody, ctx.signal);
    } catch (error) {
      return { status: 'down', reason: httpErrorReason(error, ctx.signal, ctx.timeoutMs) };
    }
    if ('failure' in result) return { status: 'down', reason: result.failure };
    const { response } = result;
    const now = ctx.clock.now();
    const reports = [
      checkHead(this.spec, response, now - started),
      checkBody(this.spec, response),
      checkCertificate(this.spec, response.certificateValidTo, now),
    ];
    const findings = reports.flatMap((r) => r.findings);
    const metrics = reports.flatMap((r) => r.metrics);
    return { ...summarize(findings, `HTTP ${response.status}`), metrics };
  }
}

/** The worst finding decides the status; the reason lists the findings of that status. */
function summarize(findings: Finding[], okReason: string): Pick<ProbeOutcome, 'status' | 'reason'> {
  const downs = findings.filter((f) => f.status === 'down');
  if (downs.length > 0) return { status: 'down', reason: downs.map((f) => f.reason).join('; ') };
  if (findings.length > 0) return { status: 'degraded', reason: findings.map((f) => f.reason).join('; ') };
  return { status: 'up', reason: okReason };
}
