import type { Child } from 'hono/jsx';

const WIDTH = 120;
const HEIGHT = 28;

/** A latency sparkline as inline SVG, drawn on the server: no script needed. */
export function Sparkline(props: { values: readonly number[] }): Child {
  const { values } = props;
  if (values.length < 2) return <span class="muted">no data</span>;
  const max = Math.max(...values);
  const min = Math.min(...values);
  const span = max - min || 1;
  const step = WIDTH / (values.length - 1);
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(HEIGHT - 2 - ((v - min) / span) * (HEIGHT - 4)).toFixed(1)}`).join(' ');
  const label = `Latency over the last hour: ${Math.round(min)} to ${Math.round(max)} ms`;
  return (
    <svg class="spark" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <title>{label}</title>
      <polyline points={points} />
    </svg>
  );
}
