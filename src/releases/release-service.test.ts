import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/index.js';
import { RefusedError } from '../errors.js';
import { openMemoryStore, type Store } from '../store/index.js';
import { testReleaseConfig, testReleaseDeps } from './internal/release-test-kit.js';
import { ReleaseService } from './release-service.js';

describe('ReleaseService approvals', () => {
  let store: Store;
  let clock: FakeClock;
  beforeEach(async () => {
    store = await openMemoryStore();
    clock = new FakeClock(Date.UTC(2026, 10, 22, 12));
  });
  afterEach(() => store.close());
  const service = (approvers = 1) => new ReleaseService(testReleaseDeps(store, clock, testReleaseConfig({ approval: { approvers, expiresMs: 3_600_000 } })));

  it('cancels a request that expired before its approval', async () => {
    const releases = service();
    const pending = await releases.start({ env: 'production', version: 'v1.0.0', initiator: 'ana' });
    await clock.advance(3_600_001);
    await expect(releases.approve(pending.id, 'bea')).rejects.toThrow('expired waiting for approval');
    expect(await releases.get(pending.id)).toMatchObject({ status: 'cancelled', reason: 'the approval request expired' });
  });

  it('needs distinct approvers other than the initiator, then runs once', async () => {
    const releases = service(2);
    const pending = await releases.start({ env: 'production', version: 'v1.0.0', initiator: 'ana' });
    await expect(releases.approve(pending.id, 'ana')).rejects.toThrow(RefusedError);
    await releases.approve(pending.id, 'bea');
    await expect(releases.approve(pending.id, 'bea')).rejects.toThrow('bea already approved');
    expect(await releases.resume(pending.id)).toBeUndefined();
    await releases.approve(pending.id, 'cruz');
    expect((await releases.resume(pending.id))?.status).toBe('succeeded');
    expect(await releases.resume(pending.id)).toBeUndefined();
  });
});
