import type { ActiveSession, SessionService, StartedSession } from './session-service.js';
import type { UserInfo, UserService } from './user-service.js';

/** What the dashboard's login and access middleware need of users and sessions. */
export interface UserAccess {
  anyExist(): Promise<boolean>;
  authenticate(name: string, password: string): Promise<UserInfo | undefined>;
  startSession(user: string): Promise<StartedSession>;
  findSession(secret: string): Promise<ActiveSession | undefined>;
  endSession(secret: string): Promise<void>;
}

/** Joins the user and session services into the narrow view the HTTP layer gets. */
export function userAccess(users: UserService, sessions: SessionService): UserAccess {
  return {
    anyExist: () => users.anyExist(),
    authenticate: (name, password) => users.authenticate(name, password),
    startSession: (user) => sessions.start(user),
    findSession: (secret) => sessions.find(secret),
    endSession: (secret) => sessions.end(secret),
  };
}
