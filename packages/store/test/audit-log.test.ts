import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../src/repositories/audit-log.repository.js';
import type { Store } from '../src/open-store.js';
import { engines, unique, useStore } from './harness.js';

async function tenantWithLog(store: Store, entries = 5): Promise<string> {
  const tenantId = unique('t-');
  await store.organisations.createTenant(tenantId, 'audit');
  for (let i = 1; i <= entries; i++)
    await store.auditLog.append({
      tenantId,
      actor: 'user-1',
      action: 'activity.import',
      entity: 'enterprise',
      entityId: `e-${i}`,
      details: {
        file: `2024-0${i}.xlsx`,
        rows: i * 10,
        备注: '导入',
        ok: true,
        nested: { b: 1, a: [1, 0.1] },
      },
    });
  return tenantId;
}

/** Edits a stored row the way someone with database access could, past the append-only guard. */
async function tamper(store: Store, sql: string, params: (string | number)[]): Promise<void> {
  await store.db.transaction(async (tx) => {
    await tx.exec('alter table audit_log disable trigger audit_log_append_only');
    await tx.query(sql, params);
    await tx.exec('alter table audit_log enable trigger audit_log_append_only');
  });
}

describe.each(engines)('audit log on %s', (engine) => {
  const store = useStore(engine);

  it('chains each entry to the one before and verifies the chain', async () => {
    const tenantId = await tenantWithLog(store());
    const entries = await store().auditLog.list(tenantId);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i++)
      expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    expect(await store().auditLog.verify(tenantId)).toEqual({
      ok: true,
      entries: 5,
      head: entries[4]!.hash,
    });
  });

  it('detects an edited entry', async () => {
    const tenantId = await tenantWithLog(store());
    await tamper(
      store(),
      `update audit_log set details = jsonb_set(details, '{rows}', '999') where tenant_id = $1 and seq = 3`,
      [tenantId],
    );
    expect(await store().auditLog.verify(tenantId)).toEqual({
      ok: false,
      seq: 3,
      reason: 'content does not match its hash',
    });
  });

  it('detects an edited entry whose hash was recomputed', async () => {
    const tenantId = await tenantWithLog(store());
    await tamper(
      store(),
      `update audit_log set actor = 'someone-else', hash = repeat('a', 64) where tenant_id = $1 and seq = 2`,
      [tenantId],
    );
    const result = await store().auditLog.verify(tenantId);
    expect(result).toMatchObject({ ok: false, seq: 2 });
  });

  it('detects a removed entry', async () => {
    const tenantId = await tenantWithLog(store());
    await tamper(store(), 'delete from audit_log where tenant_id = $1 and seq = 2', [tenantId]);
    expect(await store().auditLog.verify(tenantId)).toEqual({
      ok: false,
      seq: 2,
      reason: 'entry 2 is missing',
    });
  });

  it('refuses updates and deletes from the application', async () => {
    const tenantId = await tenantWithLog(store(), 1);
    await expect(
      store().db.query("update audit_log set actor = 'x' where tenant_id = $1", [tenantId]),
    ).rejects.toThrow(/append-only/);
  });

  it('keeps one unbroken chain when writers append at once', async () => {
    const tenantId = await tenantWithLog(store(), 0);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store().auditLog.append({ tenantId, actor: `w${i}`, action: 'x', entity: 'y' }),
      ),
    );
    expect(await store().auditLog.verify(tenantId)).toMatchObject({ ok: true, entries: 8 });
  });

  it('commits an entry only with the change it records', async () => {
    const tenantId = await tenantWithLog(store(), 1);
    await expect(
      store().transaction(async (repos) => {
        await repos.auditLog.append({ tenantId, actor: 'u', action: 'run.save', entity: 'run' });
        throw new Error('saving the run failed');
      }),
    ).rejects.toThrow();
    expect(await store().auditLog.verify(tenantId)).toMatchObject({ ok: true, entries: 1 });
  });
});
