import { describe, expect, it } from 'vitest';
import type { MaintenanceWindowConfig } from '../config/index.js';
import { publicMaintenance } from './public-maintenance.js';

const NOW = Date.UTC(2026, 10, 22, 3, 30); // a Sunday
const H = 3_600_000;
const weekly = (name: string, env?: string): MaintenanceWindowConfig => ({
  name, match: { instance: 'db-7.internal' }, ...(env ? { env } : {}),
  schedule: { kind: 'cron', expr: '0 3 * * 0', timezone: 'UTC', durationMs: 2 * H },
});

describe('publicMaintenance', () => {
  it('lists open and coming windows of the environment, the open recurring one first, without their matchers', () => {
    const windows: MaintenanceWindowConfig[] = [
      { name: 'upgrade', env: 'production', match: {}, schedule: { kind: 'once', startMs: NOW + 24 * H, endMs: NOW + 26 * H } },
      weekly('vacuum'),
      { name: 'past', match: {}, schedule: { kind: 'once', startMs: NOW - 5 * H, endMs: NOW - H } },
      { name: 'far', match: {}, schedule: { kind: 'once', startMs: NOW + 8 * 24 * H, endMs: NOW + 9 * 24 * H } },
      weekly('staging-only', 'staging'),
    ];
    expect(publicMaintenance(windows, 'production', NOW)).toEqual([
      { name: 'vacuum', startsAt: Date.UTC(2026, 10, 22, 3), endsAt: Date.UTC(2026, 10, 22, 5), active: true },
      { name: 'upgrade', startsAt: NOW + 24 * H, endsAt: NOW + 26 * H, active: false },
    ]);
  });

  it('announces the next occurrence of a recurring window once the current one ended', () => {
    const later = Date.UTC(2026, 10, 22, 6);
    expect(publicMaintenance([weekly('vacuum')], 'production', later)).toEqual([
      { name: 'vacuum', startsAt: Date.UTC(2026, 10, 29, 3), endsAt: Date.UTC(2026, 10, 29, 5), active: false },
    ]);
  });
});
