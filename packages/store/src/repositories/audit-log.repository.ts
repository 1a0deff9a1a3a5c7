import { canonicalJson, sha256Hex, type JsonValue } from '../canonical-json.js';
import type { Queryable } from '../database.js';

export interface NewAuditEntry {
  readonly tenantId: string;
  /** User id, token id or `system`. */
  readonly actor: string;
  /** What was done, e.g. `activity.import`, `run.save`, `period.submit`. */
  readonly action: string;
  /** What it was done to, e.g. `enterprise`, `calculation_run`. */
  readonly entity: string;
  readonly entityId?: string;
  readonly details?: { readonly [key: string]: JsonValue };
  /** When it happened; defaults to now. Millisecond precision, as JS dates have. */
  readonly at?: Date;
}

export interface AuditEntry {
  readonly tenantId: string;
  readonly seq: number;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId?: string;
  readonly details: { readonly [key: string]: JsonValue };
  readonly prevHash: string;
  readonly hash: string;
}

export type ChainVerification =
  | { readonly ok: true; readonly entries: number; readonly head: string }
  | { readonly ok: false; readonly seq: number; readonly reason: string };

/** The previous hash of a tenant's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash of an entry: sha256 over the canonical JSON of every field but the hash itself,
 * so the same entry hashes the same before it is stored and after it is read back.
 */
export function auditEntryHash(e: Omit<AuditEntry, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      tenantId: e.tenantId,
      seq: e.seq,
      at: e.at.toISOString(),
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId ?? null,
      details: e.details,
      prevHash: e.prevHash,
    }),
  );
}

interface AuditRow {
  tenant_id: string;
  seq: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: { [key: string]: JsonValue };
  prev_hash: string;
  hash: string;
}

const COLUMNS = 'tenant_id, seq, at, actor, action, entity, entity_id, details, prev_hash, hash';

function toEntry(r: AuditRow): AuditEntry {
  return {
    tenantId: r.tenant_id,
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    ...(r.entity_id !== null && { entityId: r.entity_id }),
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Entries read per query while verifying, so a long log is not held in memory at once. */
const PAGE = 1000;

/**
 * A hash-chained, append-only audit log, one chain per tenant. Append inside the transaction
 * that makes the change (`store.transaction`), so the change and its record commit together.
 */
export class AuditLogRepository {
  constructor(private readonly db: Queryable) {}

  async append(entry: NewAuditEntry): Promise<AuditEntry> {
    return this.db.transaction(async (tx) => {
      // The tenant row lock serialises appends to this tenant's chain until commit, so two
      // writers cannot both link to the same previous entry.
      const tenant = await tx.query('select 1 from tenants where tenant_id = $1 for update', [
        entry.tenantId,
      ]);
      if (tenant.length === 0) throw new Error(`tenant ${entry.tenantId} not found`);
      const [last] = await tx.query<{ seq: number; hash: string }>(
        'select seq, hash from audit_log where tenant_id = $1 order by seq desc limit 1',
        [entry.tenantId],
      );
      const unhashed: Omit<AuditEntry, 'hash'> = {
        tenantId: entry.tenantId,
        seq: (last?.seq ?? 0) + 1,
        at: entry.at ?? new Date(),
        actor: entry.actor,
        action: entry.action,
        entity: entry.entity,
        ...(entry.entityId !== undefined && { entityId: entry.entityId }),
        details: entry.details ?? {},
        prevHash: last?.hash ?? GENESIS_HASH,
      };
      const full: AuditEntry = { ...unhashed, hash: auditEntryHash(unhashed) };
      await tx.query(
        `insert into audit_log (${COLUMNS})
         values ($1, $2, $3::timestamptz, $4, $5, $6, $7, $8::jsonb, $9, $10)`,
        [
          full.tenantId,
          full.seq,
          full.at.toISOString(),
          full.actor,
          full.action,
          full.entity,
          full.entityId ?? null,
          JSON.stringify(full.details),
          full.prevHash,
          full.hash,
        ],
      );
      return full;
    });
  }

  /** Entries after `afterSeq` (default: from the start), oldest first. */
  async list(
    tenantId: string,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<AuditEntry[]> {
    const rows = await this.db.query<AuditRow>(
      `select ${COLUMNS} from audit_log where tenant_id = $1 and seq > $2
       order by seq limit $3`,
      [tenantId, options.afterSeq ?? 0, options.limit ?? PAGE],
    );
    return rows.map(toEntry);
  }

  /**
   * Walks the tenant's chain from the start: every entry must follow the previous one in
   * sequence, link to its hash, and hash to what it stores. Reports the first entry that does
   * not. Removing the newest entries cannot be seen from inside; compare `head` with a copy
   * kept elsewhere for that.
   */
  async verify(tenantId: string): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const page = await this.list(tenantId, { afterSeq: expectedSeq - 1, limit: PAGE });
      for (const e of page) {
        if (e.seq !== expectedSeq)
          return { ok: false, seq: expectedSeq, reason: `entry ${expectedSeq} is missing` };
        if (e.prevHash !== prevHash)
          return { ok: false, seq: e.seq, reason: 'does not link to the previous entry' };
        if (auditEntryHash(e) !== e.hash)
          return { ok: false, seq: e.seq, reason: 'content does not match its hash' };
        prevHash = e.hash;
        expectedSeq++;
      }
      if (page.length < PAGE) return { ok: true, entries: expectedSeq - 1, head: prevHash };
    }
  }
}
