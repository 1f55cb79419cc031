import type { MiddlewareHandler } from 'hono';
import { cookieSession, tokensMatch } from '../dashboard/access/index.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import { roleAllows, type Role } from '../tokens/index.js';
import type { Caller, HttpServices } from './http-deps.js';

export type AccessEnv = { Variables: { caller: Caller } };

/**
 * Resolves the caller from `Authorization: Bearer <token>` and enforces the access rule:
 * reads are open on a loopback listener until the first token or user exists; writes always
 * need a token with at least the `operator` role (or the role given), or a dashboard
 * session cookie with its `X-CSRF-Token`.
 */
export function requireAccess(
  services: HttpServices,
  options: { loopback: boolean; write: boolean; role?: Role },
): MiddlewareHandler<AccessEnv> {
  const needed: Role = options.role ?? (options.write ? 'operator' : 'viewer');
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const token = match?.[1] ? await services.tokens.verify(match[1]) : undefined;
      if (!token) throw new UnauthorizedError('invalid or revoked token');
      if (!roleAllows(token.role, needed)) {
        throw new ForbiddenError(`token "${token.name}" has role ${token.role}; this needs ${needed}`);
      }
      c.set('caller', { name: token.name, role: token.role });
      return next();
    }
    // A dashboard session works too; its writes carry the session's CSRF token as a header.
    const session = await cookieSession(c, services.users);
    if (session) {
      if (options.write && !tokensMatch(session.csrfToken, c.req.header('x-csrf-token'))) {
        throw new ForbiddenError('invalid CSRF token: send the X-CSRF-Token header of your dashboard session');
      }
      if (!roleAllows(session.role, needed)) throw new ForbiddenError(`user "${session.user}" has role ${session.role}; this needs ${needed}`);
      c.set('caller', { name: session.user, role: session.role });
      return next();
    }
    if (!options.write && options.loopback && !(await services.tokens.anyExist()) && !(await services.users?.anyExist())) {
      c.set('caller', { name: 'anonymous', role: 'anonymous' });
      return next();
    }
    throw new UnauthorizedError(
      options.write ? 'this needs a token: Authorization: Bearer <token> (guardia token create)' : 'this needs a token: Authorization: Bearer <token>',
    );
  };
}
