import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryStore, type Store } from '../store/index.js';
import { alertFingerprint } from './alert-fingerprint.js';
import { AlertStateRepository, type SavedAlert } from './alert-state-repository.js';

const T0 = Date.UTC(2026, 0, 1);
let store: Store;
let repository: AlertStateRepository;

beforeEach(async () => {
  store = await openMemoryStore();
  repository = new AlertStateRepository(store);
});
afterEach(async () => {
  await store.close();
});

function alert(rule: string, state: SavedAlert['state'], overrides: Partial<SavedAlert> = {}): SavedAlert {
  const labels = { alertname: rule, env: 'production', severity: 'high' };
  return {
    fingerprint: alertFingerprint(labels),
    rule,
    env: 'production',
    state,
    severity: 'high',
    labels,
    annotations: {},
    value: 1,
    activeAt: T0,
    firedAt: state === 'pending' ? null : T0,
    resolvedAt: state === 'resolved' ? T0 + 1000 : null,
    updatedAt: T0,
    keepFiringSince: null,
    ...overrides,
  };
}

describe('AlertStateRepository', () => {
  it('saves, updates and reads alerts back exactly, firing first', async () => {
    await repository.save(alert('A', 'pending'));
    await repository.save(alert('B', 'firing', { keepFiringSince: T0 + 5, value: NaN, env: undefined }));
    await repository.save(alert('A', 'firing', { firedAt: T0 + 10 }));
    const [b, a] = await repository.list();
    expect(b).toEqual(alert('B', 'firing', { keepFiringSince: T0 + 5, value: NaN, env: undefined }));
    expect(a).toEqual(alert('A', 'firing', { firedAt: T0 + 10 }));
    expect(await repository.list({ env: 'production' })).toEqual([a]);
    expect(await repository.list({ state: 'pending' })).toEqual([]);
  });

  it('prunes resolved alerts older than the cut-off and deletes by fingerprint', async () => {
    await repository.save(alert('Old', 'resolved', { resolvedAt: T0 }));
    await repository.save(alert('New', 'resolved', { resolvedAt: T0 + 60_000 }));
    await repository.save(alert('Live', 'firing'));
    await repository.pruneResolved(T0 + 1);
    expect((await repository.list()).map((a) => a.rule)).toEqual(['Live', 'New']);
    await repository.delete(alert('Live', 'firing').fingerprint);
    expect((await repository.list()).map((a) => a.rule)).toEqual(['New']);
  });

  it('fingerprints by alertname and labels, whatever their order', () => {
    expect(alertFingerprint({ alertname: 'A', env: 'p', x: '1' })).toBe(alertFingerprint({ x: '1', env: 'p', alertname: 'A' }));
    expect(alertFingerprint({ alertname: 'A', x: '1' })).not.toBe(alertFingerprint({ alertname: 'A', x: '2' }));
  });
});
