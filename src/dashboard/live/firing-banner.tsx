import type { Child } from 'hono/jsx';
import type { AlertInstance } from '../../alerts/alert-instance.js';

/** The banner every page shows while alerts fire; empty when none does. */
export function FiringBanner(props: { firing: readonly AlertInstance[] }): Child {
  const n = props.firing.length;
  if (n === 0) return null;
  const names = [...new Set(props.firing.map((a) => a.rule))].slice(0, 3).join(', ');
  return (
    <p class="banner" role="alert">
      <strong>{n} alert{n === 1 ? ' is' : 's are'} firing</strong>: {names}{n > 3 ? ', …' : ''} — <a href="/alerts">see alerts</a>
    </p>
  );
}
