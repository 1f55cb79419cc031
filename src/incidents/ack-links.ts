import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/index.js';

const KEY_NAME = 'incident_ack_key';

/**
 * Signed one-click acknowledge links: `<base>/ack/<incidentId>/<hmac>` with HMAC-SHA256 over
 * the incident id, keyed by a random secret kept in the store (so every replica and every
 * restart signs and checks the same way, and a link cannot be made for another incident).
 */
export class AckLinks {
  private key: Buffer | undefined;

  constructor(private readonly store: Store) {}

  /** The link for an incident. */
  async url(baseUrl: string, incidentId: string): Promise<string> {
    return `${baseUrl.replace(/\/+$/, '')}/ack/${encodeURIComponent(incidentId)}/${await this.sign(incidentId)}`;
  }

  async sign(incidentId: string): Promise<string> {
    return createHmac('sha256', await this.secret()).update(incidentId).digest('hex');
  }

  /** True when `mac` is the signature of `incidentId`. */
  async verify(incidentId: string, mac: string): Promise<boolean> {
    if (!/^[0-9a-f]{64}$/.test(mac)) return false;
    return timingSafeEqual(Buffer.from(await this.sign(incidentId), 'hex'), Buffer.from(mac, 'hex'));
  }

  private async secret(): Promise<Buffer> {
    if (this.key) return this.key;
    // Insert-if-absent then read: two processes racing both end up with the one stored key.
    await this.store.db
      .insertInto('meta')
      .values({ key: KEY_NAME, value: randomBytes(32).toString('hex') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await this.store.db.selectFrom('meta').select('value').where('key', '=', KEY_NAME).executeTakeFirstOrThrow();
    this.key = Buffer.from(row.value, 'hex');
    return this.key;
  }
}
