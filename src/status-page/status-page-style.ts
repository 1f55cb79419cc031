/** The status page's whole stylesheet, served at `/status/status-page.css`. Light and dark by system preference. */
export const STATUS_PAGE_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--ok:#1a7f37;--minor:#9a6700;--down:#cf222e;--none:#afb8c1}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--line:#30363d;--ok:#3fb950;--minor:#d29922;--down:#f85149;--none:#484f58}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,sans-serif}
main{max-width:56rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:2rem 0 .75rem}
.muted{color:var(--muted)}.banner{border:2px solid var(--line);border-radius:.5rem;padding:1rem;font-weight:600;margin:1rem 0}
.banner.operational{border-color:var(--ok)}.banner.degraded{border-color:var(--minor)}.banner.outage{border-color:var(--down)}
.component{border-bottom:1px solid var(--line);padding:.75rem 0}.component header{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap}
.state.operational{color:var(--ok)}.state.degraded{color:var(--minor)}.state.outage{color:var(--down)}.state.unknown{color:var(--muted)}
.bars{display:flex;gap:1px;list-style:none;margin:.5rem 0 .25rem;padding:0;height:2rem}.bars li{flex:1;border-radius:1px;background:var(--none)}
.bars li.ok{background:var(--ok)}.bars li.minor{background:var(--minor)}.bars li.down{background:var(--down)}
.range{display:flex;justify-content:space-between;font-size:.85rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
article{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;margin:.75rem 0}article h3{margin:0;font-size:1rem}
article ol{list-style:none;padding:0;margin:.5rem 0 0}article li{margin:.5rem 0}time{color:var(--muted);font-size:.9rem}
@media (max-width:40rem){.bars{height:1.5rem}}
`;
