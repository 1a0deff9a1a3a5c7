import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../canonical-json.js';
import type { Queryable } from '../database.js';
import { isUuid } from './ids.js';

export const ROLES = [
  'platform-admin',
  'regulator',
  'park-admin',
  'enterprise-manager',
  'data-clerk',
  'verifier',
] as const;
export type Role = (typeof ROLES)[number];

/** A role with the scope it needs; the schema refuses any other combination. */
export type RoleScope =
  | { readonly role: 'platform-admin' }
  | { readonly role: 'regulator'; readonly regionId: string }
  | { readonly role: 'park-admin'; readonly parkId: string }
  | {
      readonly role: 'enterprise-manager' | 'data-clerk' | 'verifier';
      readonly enterpriseId: string;
    };

export type RoleGrant = RoleScope & {
  readonly tenantId: string;
  readonly id: string;
  readonly userId: string;
  readonly grantedBy: string;
  readonly grantedAt: Date;
};

export interface NewUser {
  readonly login: string;
  readonly displayName: string;
  /** A password hash made by the application (never the password itself). */
  readonly passwordHash?: string;
}

export interface User {
  readonly tenantId: string;
  readonly id: string;
  readonly login: string;
  readonly displayName: string;
  readonly passwordHash?: string;
  readonly createdAt: Date;
  readonly disabledAt?: Date;
}

export interface ApiToken {
  readonly tenantId: string;
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly expiresAt?: Date;
  readonly revokedAt?: Date;
}

/**
 * `cb_<tenant>_<secret>`: the tenant in clear lets a lookup go straight to the tenant's rows
 * (one node on Citus); tenant ids hold no `_`, so the first one after the prefix ends it.
 */
const TOKEN = /^cb_([a-z0-9][a-z0-9-]{0,62})_([A-Za-z0-9_-]{43})$/;

/** Tokens are 256 random bits, so a plain SHA-256 is enough to store them safely. */
export function tokenHash(token: string): string {
  return sha256Hex(token);
}

interface UserRow {
  tenant_id: string;
  id: string;
  login: string;
  display_name: string;
  password_hash: string | null;
  created_at: Date;
  disabled_at: Date | null;
}

interface GrantRow {
  tenant_id: string;
  id: string;
  user_id: string;
  role: Role;
  region_id: string | null;
  park_id: string | null;
  enterprise_id: string | null;
  granted_by: string;
  granted_at: Date;
}

interface TokenRow {
  tenant_id: string;
  id: string;
  user_id: string;
  name: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
}

const USER = 'tenant_id, id, login, display_name, password_hash, created_at, disabled_at';
const GRANT =
  'tenant_id, id, user_id, role, region_id, park_id, enterprise_id, granted_by, granted_at';
const TOKEN_COLUMNS = 'tenant_id, id, user_id, name, created_at, expires_at, revoked_at';

function toUser(r: UserRow): User {
  return {
    tenantId: r.tenant_id,
    id: r.id,
    login: r.login,
    displayName: r.display_name,
    ...(r.password_hash !== null && { passwordHash: r.password_hash }),
    createdAt: r.created_at,
    ...(r.disabled_at !== null && { disabledAt: r.disabled_at }),
  };
}

function toScope(r: GrantRow): RoleScope {
  const missing = () => new Error(`grant ${r.id}: ${r.role} without its scope`);
  switch (r.role) {
    case 'platform-admin':
      return { role: r.role };
    case 'regulator':
      if (r.region_id === null) throw missing();
      return { role: r.role, regionId: r.region_id };
    case 'park-admin':
      if (r.park_id === null) throw missing();
      return { role: r.role, parkId: r.park_id };
    case 'enterprise-manager':
    case 'data-clerk':
    case 'verifier':
      if (r.enterprise_id === null) throw missing();
      return { role: r.role, enterpriseId: r.enterprise_id };
  }
}

function toGrant(r: GrantRow): RoleGrant {
  return {
    ...toScope(r),
    tenantId: r.tenant_id,
    id: r.id,
    userId: r.user_id,
    grantedBy: r.granted_by,
    grantedAt: r.granted_at,
  };
}

function toToken(r: TokenRow): ApiToken {
  return {
    tenantId: r.tenant_id,
    id: r.id,
    userId: r.user_id,
    name: r.name,
    createdAt: r.created_at,
    ...(r.expires_at !== null && { expiresAt: r.expires_at }),
    ...(r.revoked_at !== null && { revokedAt: r.revoked_at }),
  };
}

/** Users, their role grants and their API tokens. Deciding who may do what is the app's job. */
export class AccessRepository {
  constructor(private readonly db: Queryable) {}

  async createUser(tenantId: string, u: NewUser): Promise<User> {
    const [row] = await this.db.query<UserRow>(
      `insert into users (tenant_id, login, display_name, password_hash)
       values ($1, $2, $3, $4) returning ${USER}`,
      [tenantId, u.login, u.displayName, u.passwordHash ?? null],
    );
    return toUser(row!);
  }

  async findUserByLogin(tenantId: string, login: string): Promise<User | undefined> {
    const [row] = await this.db.query<UserRow>(
      `select ${USER} from users where tenant_id = $1 and login = $2`,
      [tenantId, login],
    );
    return row && toUser(row);
  }

  async getUser(tenantId: string, id: string): Promise<User | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await this.db.query<UserRow>(
      `select ${USER} from users where tenant_id = $1 and id = $2::uuid`,
      [tenantId, id],
    );
    return row && toUser(row);
  }

  async grantRole(
    tenantId: string,
    userId: string,
    scope: RoleScope,
    grantedBy: string,
  ): Promise<RoleGrant> {
    const [row] = await this.db.query<GrantRow>(
      `insert into role_grants (tenant_id, user_id, role, region_id, park_id, enterprise_id,
         granted_by)
       values ($1, $2::uuid, $3, $4::uuid, $5::uuid, $6::uuid, $7) returning ${GRANT}`,
      [
        tenantId,
        userId,
        scope.role,
        'regionId' in scope ? scope.regionId : null,
        'parkId' in scope ? scope.parkId : null,
        'enterpriseId' in scope ? scope.enterpriseId : null,
        grantedBy,
      ],
    );
    return toGrant(row!);
  }

  async listGrants(tenantId: string, userId: string): Promise<RoleGrant[]> {
    if (!isUuid(userId)) return [];
    const rows = await this.db.query<GrantRow>(
      `select ${GRANT} from role_grants where tenant_id = $1 and user_id = $2::uuid
       order by granted_at, id`,
      [tenantId, userId],
    );
    return rows.map(toGrant);
  }

  /**
   * Issues a long-lived API token. The token is returned once and only its hash is stored; a
   * lost token cannot be recovered, only revoked and replaced.
   */
  async issueToken(
    tenantId: string,
    userId: string,
    options: { name: string; expiresAt?: Date },
  ): Promise<{ token: string; record: ApiToken }> {
    const token = `cb_${tenantId}_${randomBytes(32).toString('base64url')}`;
    if (!TOKEN.test(token)) throw new Error(`"${tenantId}" cannot name a tenant in a token`);
    const [row] = await this.db.query<TokenRow>(
      `insert into api_tokens (tenant_id, user_id, name, token_hash, expires_at)
       values ($1, $2::uuid, $3, $4, $5::timestamptz) returning ${TOKEN_COLUMNS}`,
      [tenantId, userId, options.name, tokenHash(token), options.expiresAt?.toISOString() ?? null],
    );
    return { token, record: toToken(row!) };
  }

  /**
   * The token's record, whether or not it has expired or been revoked (the caller decides);
   * undefined for anything that is not a token we issued.
   */
  async findToken(token: string): Promise<ApiToken | undefined> {
    const m = TOKEN.exec(token);
    if (!m) return undefined;
    const [row] = await this.db.query<TokenRow>(
      `select ${TOKEN_COLUMNS} from api_tokens where tenant_id = $1 and token_hash = $2`,
      [m[1]!, tokenHash(token)],
    );
    return row && toToken(row);
  }

  async revokeToken(tenantId: string, tokenId: string, at = new Date()): Promise<void> {
    if (!isUuid(tokenId)) return;
    await this.db.query(
      `update api_tokens set revoked_at = $3::timestamptz
       where tenant_id = $1 and id = $2::uuid and revoked_at is null`,
      [tenantId, tokenId, at.toISOString()],
    );
  }
}
