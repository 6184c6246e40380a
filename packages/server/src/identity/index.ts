export { createAccessTokens, looksLikeAccessToken, type AccessClaims, type AccessTokens } from './access-token.ts';
export { createAuthService, type AuthService, type AuthServiceDeps } from './auth-service.ts';
export {
  createLoginGuard,
  DEFAULT_LOGIN_LIMITS,
  type LoginAttempt,
  type LoginBudgets,
  type LoginGuard,
  type LoginLimits,
  type LoginWindow,
} from './login-guard.ts';
export { systemClock, type Clock } from './clock.ts';
export { CtiError } from './errors.ts';
export { changeAffects, createLivePrincipals, immediateVerdict, type LivePrincipals, type LiveVerdict } from './live-principals.ts';
export { createMemoryApiKeyStore, createMemoryRefreshTokenStore, createMemoryUserStore } from './memory-stores.ts';
export { createPasswordHasher, hashPassword, type PasswordHasher, type PasswordHashOptions } from './password.ts';
export { can, decide, type CallParties, type Decision, type Target } from './permissions.ts';
export type {
  ApiKeyRecord,
  ApiKeyStore,
  RefreshTokenRecord,
  RefreshTokenStore,
  UserRecord,
  UserStore,
} from './ports.ts';
export {
  createLocalPrincipalChanges,
  type PrincipalChange,
  type PrincipalChangeKind,
  type PrincipalChanges,
  type SessionEndReason,
} from './principal-changes.ts';
export { principalFromApiKey, principalFromUser, type Principal } from './principal.ts';
export type { PbxValue, Watch } from './reach.ts';
export { createSlidingWindowLimiter, type SlidingWindowLimiter } from './rate-limiter.ts';
export { generateApiKey, randomSecret, sha256 } from './secrets.ts';
