export { TokenService, type TokenInfo, type CreatedToken } from './token-service.js';
export { ROLES, isRole, roleAllows, type Role } from './token-role.js';
