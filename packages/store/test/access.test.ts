import { describe, expect, it } from 'vitest';
import { tokenHash } from '../src/repositories/access.repository.js';
import { orgTree } from './fixtures.js';
import { engines, useStore } from './harness.js';

describe.each(engines)('users, roles and tokens on %s', (engine) => {
  const store = useStore(engine);

  it('grants roles with the scope each role needs', async () => {
    const org = await orgTree(store());
    const a = store().access;
    const user = await a.createUser(org.tenantId, { login: 'li.lei', displayName: '李雷' });
    expect(await a.findUserByLogin(org.tenantId, 'li.lei')).toEqual(user);
    await a.grantRole(
      org.tenantId,
      user.id,
      { role: 'data-clerk', enterpriseId: org.enterpriseId },
      'admin',
    );
    await a.grantRole(org.tenantId, user.id, { role: 'park-admin', parkId: org.parkId }, 'admin');
    const grants = await a.listGrants(org.tenantId, user.id);
    expect(grants.map((g) => g.role).sort()).toEqual(['data-clerk', 'park-admin']);
    expect(grants.find((g) => g.role === 'data-clerk')).toMatchObject({
      enterpriseId: org.enterpriseId,
    });
  });

  it('refuses a role without its scope, or with the wrong one', async () => {
    const org = await orgTree(store());
    const user = await store().access.createUser(org.tenantId, { login: 'x', displayName: 'x' });
    const bad = [
      { role: 'regulator', enterpriseId: org.enterpriseId },
      { role: 'verifier' },
      { role: 'platform-admin', regionId: org.regionId },
      { role: 'auditor', enterpriseId: org.enterpriseId },
    ];
    for (const scope of bad)
      await expect(
        // Deliberately ill-typed: the schema must hold even when the types are bypassed.
        store().access.grantRole(org.tenantId, user.id, scope as never, 'admin'),
      ).rejects.toThrow();
  });

  it('stores only the hash of an API token and finds it by the token', async () => {
    const org = await orgTree(store());
    const user = await store().access.createUser(org.tenantId, {
      login: 'bot',
      displayName: 'bot',
    });
    const { token, record } = await store().access.issueToken(org.tenantId, user.id, {
      name: 'ERP export',
      expiresAt: new Date('2030-01-01T00:00:00Z'),
    });
    expect(token.startsWith(`cb_${org.tenantId}_`)).toBe(true);
    const stored = await store().db.query<Record<string, unknown>>(
      'select * from api_tokens where tenant_id = $1',
      [org.tenantId],
    );
    expect(JSON.stringify(stored)).not.toContain(token.slice(-43));
    expect(stored[0]!.token_hash).toBe(tokenHash(token));
    expect(await store().access.findToken(token)).toEqual(record);
    expect(record.expiresAt).toEqual(new Date('2030-01-01T00:00:00Z'));
  });

  it('finds nothing for forged tokens and marks revoked ones', async () => {
    const org = await orgTree(store());
    const user = await store().access.createUser(org.tenantId, { login: 'u', displayName: 'u' });
    const { token, record } = await store().access.issueToken(org.tenantId, user.id, { name: 't' });
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(await store().access.findToken(flipped)).toBeUndefined();
    expect(await store().access.findToken("cb_x_' or 1=1 --")).toBeUndefined();
    const other = await orgTree(store());
    expect(
      await store().access.findToken(token.replace(org.tenantId, other.tenantId)),
    ).toBeUndefined();
    await store().access.revokeToken(org.tenantId, record.id, new Date('2026-01-02T03:04:05Z'));
    expect(await store().access.findToken(token)).toMatchObject({
      revokedAt: new Date('2026-01-02T03:04:05Z'),
    });
  });
});
