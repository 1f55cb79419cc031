import { describe, expect, it } from 'vitest';
import { FakeClock } from '../clock/index.js';
import { openMemoryStore } from '../store/index.js';
import { TokenService } from './index.js';

async function service() {
  const store = await openMemoryStore();
  return { store, tokens: new TokenService(store, new FakeClock()) };
}

describe('TokenService', () => {
  it('stores only a hash and verifies the secret it showed once', async () => {
    const { store, tokens } = await service();
    const created = await tokens.create('ci', 'operator');
    expect(created.secret).toMatch(/^gdn_[A-Za-z0-9_-]{32}$/);
    const rows = await store.db.selectFrom('api_token').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(created.secret);
    expect((await tokens.verify(created.secret))?.role).toBe('operator');
    expect(await tokens.verify(created.secret + 'x')).toBeUndefined();
    expect(await tokens.verify('not-a-token')).toBeUndefined();
  });

  it('revokes by name, after which the secret no longer works', async () => {
    const { tokens } = await service();
    const created = await tokens.create('ci', 'viewer');
    await tokens.revoke('ci');
    expect(await tokens.verify(created.secret)).toBeUndefined();
    expect(await tokens.anyExist()).toBe(true);
    await expect(tokens.revoke('nobody')).rejects.toThrow('no token named "nobody"');
  });

  it('rejects bad names, roles and duplicates with a reason', async () => {
    const { tokens } = await service();
    await expect(tokens.create('bad name', 'viewer')).rejects.toThrow(/token name "bad name"/);
    await expect(tokens.create('x', 'root')).rejects.toThrow('role "root" must be one of viewer, operator, admin');
    await tokens.create('x', 'admin');
    await expect(tokens.create('x', 'admin')).rejects.toThrow(/already exists/);
  });
});
