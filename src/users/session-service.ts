import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock/index.js';
import type { Store } from '../store/index.js';
import { isRole, type Role } from '../tokens/index.js';

/** A session just started: `secret` goes into the cookie and is stored only as its sha256. */
export interface StartedSession {
  secret: string;
  csrfToken: string;
  expiresAt: number;
}

/** A live session, resolved from its cookie secret. */
export interface ActiveSession {
  user: string;
  role: Role;
  csrfToken: string;
}

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

/** 12 hours without a request, or 7 days after login, whichever comes first. */
export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 12 * 3_600_000, absoluteMs: 7 * 86_400_000 };
/** `last_seen_at` is rewritten at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

/** Browser sessions: started at login, expired lazily on use and by `purgeExpired`. */
export class SessionService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
  ) {}

  async start(user: string): Promise<StartedSession> {
    const secret = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = now + this.limits.absoluteMs;
    await this.store.db
      .insertInto('sessions')
      .values({ id: sessionId(secret), user, csrf_token: csrfToken, created_at: now, last_seen_at: now, expires_at: expiresAt })
      .execute();
    return { secret, csrfToken, expiresAt };
  }

  /** The live session of this cookie secret; an expired one is deleted and yields undefined. */
  async find(secret: string): Promise<ActiveSession | undefined> {
    const id = sessionId(secret);
    const row = await this.store.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.name', 'sessions.user')
      .select(['sessions.user', 'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at', 'users.role'])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const now = this.clock.now();
    const lastSeen = Number(row.last_seen_at);
    if (now >= Number(row.expires_at) || now - lastSeen >= this.limits.idleMs) {
      await this.store.db.deleteFrom('sessions').where('id', '=', id).execute();
      return undefined;
    }
    if (now - lastSeen >= TOUCH_EVERY_MS) {
      await this.store.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
    }
    return { user: row.user, role: isRole(row.role) ? row.role : 'viewer', csrfToken: row.csrf_token };
  }

  async end(secret: string): Promise<void> {
    await this.store.db.deleteFrom('sessions').where('id', '=', sessionId(secret)).execute();
  }

  /** Deletes every session past its idle or absolute limit; returns how many. */
  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    const result = await this.store.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', now - this.limits.idleMs)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function sessionId(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
