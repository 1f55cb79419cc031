import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock/index.js';
import { InvalidRequestError, NotFoundError, RefusedError } from '../errors.js';
import type { Store } from '../store/index.js';
import { isRole, ROLES, type Role } from './token-role.js';

/** A token as listed: never the secret. */
export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface CreatedToken extends TokenInfo {
  /** Shown once; only its sha256 is stored. */
  secret: string;
}

const PREFIX = 'gdn_';
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;

/** Creates, lists, revokes and verifies API tokens, stored hashed. */
export class TokenService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async create(name: string, role: string): Promise<CreatedToken> {
    if (!NAME_PATTERN.test(name)) {
      throw new InvalidRequestError(`token name "${name}" must be 1-64 letters, digits, or _ . @ -`);
    }
    if (!isRole(role)) throw new InvalidRequestError(`role "${role}" must be one of ${ROLES.join(', ')}`);
    const existing = await this.store.db.selectFrom('api_token').select('id').where('name', '=', name).executeTakeFirst();
    if (existing) throw new RefusedError(`a token named "${name}" already exists; revoke it or pick another name`);
    const secret = PREFIX + randomBytes(24).toString('base64url');
    const row = {
      id: randomBytes(8).toString('hex'),
      name,
      role,
      hash: hashSecret(secret),
      created_ms: this.clock.now(),
      last_used_ms: null,
      revoked_ms: null,
    };
    await this.store.db.insertInto('api_token').values(row).execute();
    return { ...toInfo(row), secret };
  }

  async list(): Promise<TokenInfo[]> {
    const rows = await this.store.db.selectFrom('api_token').selectAll().orderBy('created_ms').execute();
    return rows.map(toInfo);
  }

  /** Revokes by name or id; revoking twice is not an error. */
  async revoke(nameOrId: string): Promise<TokenInfo> {
    const row = await this.store.db
      .selectFrom('api_token')
      .selectAll()
      .where((eb) => eb.or([eb('name', '=', nameOrId), eb('id', '=', nameOrId)]))
      .executeTakeFirst();
    if (!row) throw new NotFoundError(`no token named "${nameOrId}"`);
    const revoked = row.revoked_ms ?? this.clock.now();
    await this.store.db.updateTable('api_token').set({ revoked_ms: revoked }).where('id', '=', row.id).execute();
    return toInfo({ ...row, revoked_ms: revoked });
  }

  /** True once any token (even revoked) exists: from then on reads need a token too. */
  async anyExist(): Promise<boolean> {
    const row = await this.store.db.selectFrom('api_token').select('id').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** The live token with this secret, or undefined. */
  async verify(secret: string): Promise<TokenInfo | undefined> {
    if (!secret.startsWith(PREFIX)) return undefined;
    const hash = hashSecret(secret);
    const row = await this.store.db.selectFrom('api_token').selectAll().where('hash', '=', hash).executeTakeFirst();
    if (!row || row.revoked_ms !== null) return undefined;
    // The lookup is by hash already; the constant-time compare guards against a lax index collation.
    if (!timingSafeEqual(Buffer.from(row.hash), Buffer.from(hash))) return undefined;
    const now = this.clock.now();
    await this.store.db.updateTable('api_token').set({ last_used_ms: now }).where('id', '=', row.id).execute();
    return toInfo({ ...row, last_used_ms: now });
  }
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function toInfo(row: {
  id: string;
  name: string;
  role: string;
  created_ms: number;
  last_used_ms: number | null;
  revoked_ms: number | null;
}): TokenInfo {
  return {
    id: row.id,
    name: row.name,
    role: isRole(row.role) ? row.role : 'viewer',
    createdAt: Number(row.created_ms),
    lastUsedAt: row.last_used_ms === null ? null : Number(row.last_used_ms),
    revokedAt: row.revoked_ms === null ? null : Number(row.revoked_ms),
  };
}
