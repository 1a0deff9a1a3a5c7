import type { RoleScope, Store, User } from '@carbonbase/store';
import { hashPassword } from './passwords.js';

/**
 * Creates a user with a password and roles. For `carbonbase init`, the demo seed and tests:
 * it takes no actor, so it is not reachable from the API.
 */
export async function provisionUser(
  store: Store,
  tenantId: string,
  user: { login: string; displayName: string; password: string; roles: readonly RoleScope[] },
  grantedBy = 'system',
): Promise<User> {
  const passwordHash = await hashPassword(user.password);
  return store.transaction(async (repos) => {
    const created = await repos.access.createUser(tenantId, {
      login: user.login,
      displayName: user.displayName,
      passwordHash,
    });
    for (const scope of user.roles)
      await repos.access.grantRole(tenantId, created.id, scope, grantedBy);
    await repos.auditLog.append({
      tenantId,
      actor: grantedBy,
      action: 'user.create',
      entity: 'user',
      entityId: created.id,
      details: { login: user.login, roles: user.roles.map((r) => r.role) },
    });
    return created;
  });
}
