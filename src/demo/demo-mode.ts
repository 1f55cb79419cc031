/** The switches the demo app offers, to watch guardia react. */
export const DEMO_MODES = ['ok', 'slow', 'degraded', 'failing'] as const;
export type DemoMode = (typeof DEMO_MODES)[number];

export function isDemoMode(value: string): value is DemoMode {
  return (DEMO_MODES as readonly string[]).includes(value);
}
