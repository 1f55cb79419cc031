import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../config/resolved-config.js';
import { mirrorPlan } from './mirror-plan.js';

const backups = {} as NonNullable<EnvironmentConfig['backups']>;
const mirror = { rules: [], allow: [], seed: [] };
const config = (envs: Partial<EnvironmentConfig>[]) => ({
  file: '/srv/guardia.yaml',
  environments: envs.map((e) => ({ name: 'x', tier: 'development' as const, probes: [], ...e })),
});
const production = { name: 'production', tier: 'production' as const, database: 'postgres://h/app', backups };
const staging = { name: 'staging', tier: 'staging' as const, database: 'postgres://h/app_staging', mirror: { ...mirror, from: 'production' } };

describe('mirrorPlan', () => {
  it('gives the source, the target, its mirror config and database', () => {
    const plan = mirrorPlan(config([production, staging]), 'production', 'staging');
    expect(plan.from.name).toBe('production');
    expect(plan.database).toBe('postgres://h/app_staging');
    expect(plan.mirror.from).toBe('production');
  });

  it('refuses a production-tier target, whatever its config says', () => {
    const live = { ...production, mirror };
    expect(() => mirrorPlan(config([live, staging]), 'staging', 'production')).toThrow(/tier production: mirrors never write into production/);
  });

  it('names the remedy for an unknown environment, a target without mirror or database, and a source without backups', () => {
    expect(() => mirrorPlan(config([production, staging]), 'production', 'qa')).toThrow('no environment "qa" in /srv/guardia.yaml (environments: production, staging)');
    expect(() => mirrorPlan(config([production, { name: 'dev', database: 'postgres://h/dev' }]), 'production', 'dev')).toThrow(
      'environment dev has no mirror: add environments.dev.mirror (with mask: rules) to /srv/guardia.yaml',
    );
    expect(() => mirrorPlan(config([production, { name: 'dev', mirror }]), 'production', 'dev')).toThrow('environment dev has no database');
    expect(() => mirrorPlan(config([{ name: 'prod2', tier: 'production' }, { name: 'dev', database: 'postgres://h/dev', mirror }]), 'prod2', 'dev')).toThrow(
      'environment prod2 has no backups',
    );
  });

  it('refuses a source other than mirror.from (a usage error) and the target itself', () => {
    let error: unknown;
    try {
      mirrorPlan(config([production, staging, { name: 'qa', backups }]), 'qa', 'staging');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'usage', message: 'environment staging is mirrored from production (environments.staging.mirror.from), not from qa' });
    expect(() => mirrorPlan(config([{ name: 'dev', database: 'postgres://h/dev', mirror, backups }]), 'dev', 'dev')).toThrow('cannot be mirrored into itself');
  });
});
