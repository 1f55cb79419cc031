export { hashPassword, verifyPassword } from './password-hash.js';
export { DEFAULT_SESSION_LIMITS, SessionService, type ActiveSession, type SessionLimits, type StartedSession } from './session-service.js';
export { userAccess, type UserAccess } from './user-access.js';
export { MIN_PASSWORD_LENGTH, UserService, type UserInfo } from './user-service.js';
