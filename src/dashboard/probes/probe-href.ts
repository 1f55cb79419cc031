/** The dashboard URL of a probe's page. */
export function probeHref(env: string, probe: string): string {
  return `/probes/${encodeURIComponent(env)}/${encodeURIComponent(probe)}`;
}
