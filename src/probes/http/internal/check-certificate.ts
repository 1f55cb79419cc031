import type { HttpProbeSpec } from '../../../config/resolved-config.js';
import type { CheckReport } from './finding.js';
import { degraded, down } from './finding.js';

const DAY_MS = 86_400_000;

/**
 * Reports the certificate's expiry as a series and judges it: expired is down (reachable
 * only with `insecure`, since verification rejects it otherwise), under `minDays` degraded.
 */
export function checkCertificate(spec: HttpProbeSpec, validTo: number | undefined, now: number): CheckReport {
  if (validTo === undefined) return { findings: [], metrics: [] };
  const report: CheckReport = {
    findings: [],
    metrics: [
      {
        name: 'guardia_probe_tls_cert_expiry_timestamp_seconds',
        help: 'When the server certificate expires, Unix seconds.',
        type: 'gauge',
        value: Math.floor(validTo / 1_000),
      },
    ],
  };
  const day = new Date(validTo).toISOString().slice(0, 10);
  const daysLeft = (validTo - now) / DAY_MS;
  if (daysLeft <= 0) report.findings.push(down(`TLS certificate expired on ${day}`));
  else if (daysLeft < spec.tls.minDays) {
    const days = Math.floor(daysLeft);
    report.findings.push(degraded(`TLS certificate expires in ${days} day${days === 1 ? '' : 's'} (${day})`));
  }
  return report;
}
