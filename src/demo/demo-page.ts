import { DEMO_MODES, type DemoMode } from './demo-mode.js';

/** The demo app's home page: its current mode and a button per switch. */
export function demoPage(mode: DemoMode): string {
  const buttons = DEMO_MODES.map(
    (m) =>
      `<form method="post" action="/switch/${m}" style="display:inline"><button${m === mode ? ' disabled' : ''}>${m}</button></form>`,
  ).join(' ');
  return `<!doctype html><html><head><meta charset="utf-8"><title>guardia demo app</title></head>
<body style="font-family:system-ui;margin:2rem">
<h1>guardia demo app</h1>
<p>Mode: <strong id="mode">${mode}</strong></p>
<p>${buttons}</p>
<p>Endpoints: <a href="/health">/health</a> · <a href="/health/ready">/health/ready</a> · <a href="/health/live">/health/live</a> · <a href="/metrics">/metrics</a> · <a href="/api/items">/api/items</a></p>
</body></html>`;
}
