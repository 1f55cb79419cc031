import type { Clock } from '../clock/index.js';
import { InvalidRequestError, NotFoundError, RefusedError } from '../errors.js';
import type { Store } from '../store/index.js';
import { isRole, ROLES, type Role } from '../tokens/index.js';
import { hashPassword, verifyPassword } from './password-hash.js';

/** A dashboard user as listed: never the password hash. */
export interface UserInfo {
  name: string;
  role: Role;
  createdAt: number;
  updatedAt: number;
}

/** Shorter passwords are refused: a login form is exposed to guessing. */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 1024;
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;

/** Adds, lists, removes and authenticates dashboard users; removing a user ends its sessions. */
export class UserService {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Refuses an existing name (change a password with `setPassword`). */
  async add(name: string, role: string, password: string): Promise<UserInfo> {
    if (!NAME_PATTERN.test(name)) throw new InvalidRequestError(`user name "${name}" must be 1-64 letters, digits, or _ . @ -`);
    if (!isRole(role)) throw new InvalidRequestError(`role "${role}" must be one of ${ROLES.join(', ')}`);
    checkPassword(password);
    if (await this.row(name)) throw new RefusedError(`a user named "${name}" already exists; use guardia user passwd to change the password`);
    const now = this.clock.now();
    const row = { name, role, password_hash: await hashPassword(password), created_at: now, updated_at: now };
    await this.store.db.insertInto('users').values(row).execute();
    return toInfo(row);
  }

  /** Replaces the password and ends the user's sessions. */
  async setPassword(name: string, password: string): Promise<UserInfo> {
    checkPassword(password);
    const row = await this.row(name);
    if (!row) throw new NotFoundError(`no user named "${name}"`);
    const updated = { ...row, password_hash: await hashPassword(password), updated_at: this.clock.now() };
    await this.store.db.updateTable('users').set({ password_hash: updated.password_hash, updated_at: updated.updated_at }).where('name', '=', name).execute();
    await this.store.db.deleteFrom('sessions').where('user', '=', name).execute();
    return toInfo(updated);
  }

  async list(): Promise<UserInfo[]> {
    const rows = await this.store.db.selectFrom('users').selectAll().orderBy('name').execute();
    return rows.map(toInfo);
  }

  /** Removes the user and ends every session it has. */
  async remove(name: string): Promise<UserInfo> {
    const row = await this.row(name);
    if (!row) throw new NotFoundError(`no user named "${name}"`);
    await this.store.db.deleteFrom('sessions').where('user', '=', name).execute();
    await this.store.db.deleteFrom('users').where('name', '=', name).execute();
    return toInfo(row);
  }

  async anyExist(): Promise<boolean> {
    return (await this.store.db.selectFrom('users').select('name').limit(1).executeTakeFirst()) !== undefined;
  }

  /** The user when the password matches; an unknown name costs the same hash so timing tells nothing. */
  async authenticate(name: string, password: string): Promise<UserInfo | undefined> {
    const row = NAME_PATTERN.test(name) ? await this.row(name) : undefined;
    if (password.length > MAX_PASSWORD_LENGTH) return undefined;
    if (!row) {
      this.dummyHash ??= hashPassword('not a password of anyone');
      await verifyPassword(password, await this.dummyHash);
      return undefined;
    }
    return (await verifyPassword(password, row.password_hash)) ? toInfo(row) : undefined;
  }

  private row(name: string) {
    return this.store.db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
  }
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new InvalidRequestError(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new InvalidRequestError(`the password must be at most ${MAX_PASSWORD_LENGTH} characters`);
}

function toInfo(row: { name: string; role: string; created_at: number; updated_at: number }): UserInfo {
  return {
    name: row.name,
    role: isRole(row.role) ? row.role : 'viewer',
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
