import type { Role, RoleScope } from '@carbonbase/store';

/** Who is calling: an authenticated user of one tenant and the roles granted to them. */
export interface Actor {
  readonly tenantId: string;
  readonly userId: string;
  readonly login: string;
  readonly displayName: string;
  readonly grants: readonly RoleScope[];
  /** The token the request came with, so logout can revoke exactly it. */
  readonly tokenId?: string;
}

export const hasRole = (actor: Actor, role: Role): boolean =>
  actor.grants.some((g) => g.role === role);

/** How the actor is named in activity versions, runs and the audit log. */
export const actorRef = (actor: Actor): string => `user:${actor.login}`;
