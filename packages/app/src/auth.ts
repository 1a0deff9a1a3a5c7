import type { Repositories, Store } from '@carbonbase/store';
import { actorRef, type Actor } from './actor.js';
import { AppError } from './errors.js';
import { verifyPassword } from './passwords.js';

/** A login session lasts a working day; machine clients use long-lived API tokens instead. */
export const SESSION_HOURS = 12;

export interface LoginResult {
  readonly token: string;
  readonly expiresAt: Date;
  readonly actor: Actor;
}

const badLogin = () =>
  new AppError('unauthenticated', '用户名或密码错误', 'wrong login or password');

async function actorOf(repos: Repositories, tenantId: string, userId: string, tokenId?: string) {
  const user = await repos.access.getUser(tenantId, userId);
  if (!user || user.disabledAt) return undefined;
  const grants = await repos.access.listGrants(tenantId, userId);
  const actor: Actor = {
    tenantId,
    userId,
    login: user.login,
    displayName: user.displayName,
    grants: grants.map(
      ({ tenantId: _t, id: _i, userId: _u, grantedBy: _b, grantedAt: _a, ...scope }) => scope,
    ),
    ...(tokenId !== undefined && { tokenId }),
  };
  return actor;
}

/** Checks a password and opens a session. The same answer for an unknown login and a wrong password. */
export async function login(
  store: Store,
  tenantId: string,
  loginName: string,
  password: string,
  now = new Date(),
): Promise<LoginResult> {
  const user = await store.access.findUserByLogin(tenantId, loginName).catch(() => undefined);
  if (!user?.passwordHash || user.disabledAt) throw badLogin();
  if (!(await verifyPassword(password, user.passwordHash))) throw badLogin();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  const { token, record } = await store.access.issueToken(tenantId, user.id, {
    name: 'session',
    expiresAt,
  });
  const actor = await actorOf(store, tenantId, user.id, record.id);
  if (!actor) throw badLogin();
  await store.auditLog.append({
    tenantId,
    actor: actorRef(actor),
    action: 'login',
    entity: 'user',
    entityId: user.id,
    details: {},
  });
  return { token, expiresAt, actor };
}

/** The actor behind a bearer token; refuses unknown, forged, revoked and expired tokens. */
export async function authenticate(store: Store, token: string, now = new Date()): Promise<Actor> {
  const record = await store.access.findToken(token);
  if (!record || record.revokedAt)
    throw new AppError(
      'unauthenticated',
      '令牌无效或已撤销',
      'the token is not valid or was revoked',
    );
  if (record.expiresAt && record.expiresAt.getTime() <= now.getTime())
    throw new AppError(
      'token-expired',
      '令牌已过期，请重新登录',
      'the token has expired; log in again',
    );
  const actor = await actorOf(store, record.tenantId, record.userId, record.id);
  if (!actor) throw new AppError('unauthenticated', '用户已停用', 'the user is disabled');
  return actor;
}

/** A long-lived token for a machine client of the actor's own account, shown once. */
export async function issueApiToken(
  store: Store,
  actor: Actor,
  name: string,
  expiresAt?: Date,
): Promise<{ token: string; id: string; expiresAt?: Date }> {
  if (expiresAt && expiresAt.getTime() <= Date.now())
    throw new AppError(
      'validation-failed',
      '过期时间必须在将来',
      'the expiry must lie in the future',
      [{ field: 'expiresAt', reason: expiresAt.toISOString() }],
    );
  const { token, record } = await store.access.issueToken(actor.tenantId, actor.userId, {
    name,
    ...(expiresAt && { expiresAt }),
  });
  await store.auditLog.append({
    tenantId: actor.tenantId,
    actor: actorRef(actor),
    action: 'issue-token',
    entity: 'api-token',
    entityId: record.id,
    details: { name },
  });
  return { token, id: record.id, ...(record.expiresAt && { expiresAt: record.expiresAt }) };
}

export async function logout(store: Store, actor: Actor): Promise<void> {
  if (actor.tokenId) await store.access.revokeToken(actor.tenantId, actor.tokenId);
}
