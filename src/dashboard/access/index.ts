export { csrfField, tokensMatch } from './csrf.js';
export { dashboardAccess, type DashboardAccessOptions } from './dashboard-access.js';
export { DEFAULT_LOGIN_LIMITS, LoginRateLimiter, type LoginLimits } from './login-rate-limiter.js';
export { loginRoutes, type LoginRoutesOptions } from './login-routes.js';
export { safeNext } from './safe-next.js';
export { dashboardSecureHeaders } from './secure-headers.js';
export { cookieSession, SESSION_COOKIE } from './session-cookie.js';
