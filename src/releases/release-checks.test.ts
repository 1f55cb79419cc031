import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_VERSION_PATTERN, type ReleaseConfig } from '../config/schema/release/release-config.js';
import { RefusedError } from '../errors.js';
import { openMemoryStore, type Store } from '../store/index.js';
import { checkReleaseAllowed, inFreeze } from './release-checks.js';
import { ReleaseRepository } from './release-repository.js';

const FRIDAY_17 = new Date(2026, 10, 27, 17, 0).getTime();
const HOUR = 3_600_000;

describe('release checks', () => {
  let store: Store;
  beforeEach(async () => (store = await openMemoryStore()));
  afterEach(() => store.close());
  const config = (patch: Partial<ReleaseConfig> = {}): ReleaseConfig => ({ versions: DEFAULT_VERSION_PATTERN, freeze: [], steps: [], rollback: [], ...patch });

  it('opens a cron freeze window at each cron time for its length', () => {
    const weekend = { cron: '0 17 * * 5', forMs: 64 * HOUR };
    expect(inFreeze(weekend, FRIDAY_17 - 1)).toBe(false);
    expect(inFreeze(weekend, FRIDAY_17)).toBe(true);
    expect(inFreeze(weekend, FRIDAY_17 + 63 * HOUR)).toBe(true);
    expect(inFreeze(weekend, FRIDAY_17 + 64 * HOUR)).toBe(false);
    expect(inFreeze({ fromMs: 10, toMs: 20 }, 15)).toBe(true);
    expect(inFreeze({ fromMs: 10, toMs: 20 }, 20)).toBe(false);
  });

  it('accepts semver tags by default and refuses other versions, frozen times and unreleased requirements', async () => {
    const repository = new ReleaseRepository(store.db);
    await expect(checkReleaseAllowed('production', 'v1.2.3', config(), repository, 0)).resolves.toBeUndefined();
    await expect(checkReleaseAllowed('production', '1.2.3-rc.1', config(), repository, 0)).resolves.toBeUndefined();
    await expect(checkReleaseAllowed('production', 'main', config(), repository, 0)).rejects.toThrow(RefusedError);
    await expect(checkReleaseAllowed('production', 'v1.2.3', config({ freeze: [{ cron: '0 17 * * 5', forMs: 64 * HOUR, reason: 'weekend' }] }), repository, FRIDAY_17 + HOUR)).rejects.toThrow(
      'production is frozen now (weekend)',
    );
    await expect(checkReleaseAllowed('production', 'v1.2.3', config({ requires: 'staging' }), repository, 0)).rejects.toThrow('has not been released to staging yet');
  });
});
