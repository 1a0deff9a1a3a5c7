import { csvField, type Queryable } from '../database.js';
import type { NewActivityVersion } from './activity-data.repository.js';
import { isUuid } from './ids.js';

export interface BulkLoadOptions {
  /**
   * Skip a row whose cell's current version has the same value, unit and parameters, as
   * `appendIfChanged` does (default true). False appends a version for every row.
   */
  readonly onlyIfChanged?: boolean;
}

export interface BulkLoadReport {
  readonly rows: number;
  /** Versions written. */
  readonly appended: number;
  /** Rows equal to their cell's current version, skipped. */
  readonly unchanged: number;
}

/** A row refused by `bulkLoad`; nothing of the load was written. */
export class BulkLoadError extends Error {
  override readonly name = 'BulkLoadError';
  constructor(
    /** 0-based position of the row in the input. */
    readonly rowIndex: number,
    /** The input field at fault, e.g. `month`, `quantity.value`, `sourceId`. */
    readonly field: string,
    zh: string,
    en: string,
  ) {
    super(
      `第 ${rowIndex} 行（从 0 起）${field}：${zh}。Row ${rowIndex} (from 0), ${field}: ${en}.`,
    );
  }
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The staging table's columns, in COPY order. */
const STAGE_COLUMNS = [
  'idx',
  'tenant_id',
  'enterprise_id',
  'source_id',
  'period_month',
  'value',
  'unit',
  'recorded_by',
  'reason',
  'source_file',
  'source_sheet',
  'source_row',
  'parameters',
] as const;

/**
 * The checks that need no database, so a bad row is named before anything is sent. Rows are
 * written straight into COPY's CSV text (ids, dates and numbers are checked, so only free text
 * needs quoting); the types of the staging table then accept every row.
 */
function stageRows(rows: readonly NewActivityVersion[]): string {
  const tenantId = rows[0]?.tenantId;
  const tenantField = csvField(tenantId ?? null);
  // source id → month → row: keyed by strings the rows already hold, since building a
  // composite key per row dominated the cost of a large load. A source belongs to one
  // enterprise; the same source under two enterprises fails the source check instead.
  const cells = new Map<string, Map<string, number>>();
  const lines = rows.map((r, i) => {
    const fail = (field: string, zh: string, en: string) => new BulkLoadError(i, field, zh, en);
    if (r.tenantId !== tenantId)
      throw fail(
        'tenantId',
        `一次批量载入只能属于一个租户（第 0 行为 ${tenantId}）`,
        `one bulk load belongs to one tenant (row 0 has ${tenantId})`,
      );
    if (!isUuid(r.enterpriseId)) throw fail('enterpriseId', '不是 UUID', 'not a UUID');
    if (!isUuid(r.sourceId)) throw fail('sourceId', '不是 UUID', 'not a UUID');
    if (!MONTH.test(r.month))
      throw fail(
        'month',
        `"${r.month}" 不是月份（YYYY-MM）`,
        `"${r.month}" is not a month (YYYY-MM)`,
      );
    if (!Number.isFinite(r.quantity.value))
      throw fail(
        'quantity.value',
        `${r.quantity.value} 不是有限数值`,
        `${r.quantity.value} is not a finite number`,
      );
    if (r.quantity.unit.trim() === '') throw fail('quantity.unit', '单位为空', 'the unit is empty');
    if (r.origin?.row !== undefined && !Number.isSafeInteger(r.origin.row))
      throw fail('origin.row', '行号不是整数', 'the row number is not an integer');
    let months = cells.get(r.sourceId);
    if (!months) cells.set(r.sourceId, (months = new Map<string, number>()));
    const earlier = months.get(r.month);
    if (earlier !== undefined)
      throw fail(
        'month',
        `与第 ${earlier} 行是同一单元格（排放源、月份）`,
        `the same cell (source, month) as row ${earlier}`,
      );
    months.set(r.month, i);
    const origin = r.origin;
    return `${i},${tenantField},${r.enterpriseId},${r.sourceId},${r.month}-01,${r.quantity.value},${csvField(r.quantity.unit)},${csvField(r.recordedBy)},${csvField(r.reason)},${csvField(origin?.file ?? null)},${csvField(origin?.sheet ?? null)},${origin?.row ?? ''},${csvField(JSON.stringify(r.parameters ?? {}))}\n`;
  });
  return lines.join('');
}

/**
 * Loads many rows as new versions in one transaction: validated rows are copied into a
 * temporary staging table, checked against the organisation tree in one query, and inserted
 * with one INSERT … SELECT that numbers each cell's next version. Every statement names the
 * tenant as a constant, so on Citus each is routed to the tenant's node.
 */
export async function bulkLoadActivity(
  db: Queryable,
  rows: readonly NewActivityVersion[],
  options: BulkLoadOptions = {},
): Promise<BulkLoadReport> {
  const staged = stageRows(rows);
  const tenantId = rows[0]?.tenantId;
  if (tenantId === undefined) return { rows: 0, appended: 0, unchanged: 0 };
  const onlyIfChanged = options.onlyIfChanged ?? true;
  return db.transaction(async (tx) => {
    // A staging table left by an earlier load in the caller's transaction is replaced.
    await tx.exec(`
      drop table if exists activity_bulk_stage;
      create temp table activity_bulk_stage (
        idx integer not null,
        tenant_id text not null,
        enterprise_id uuid not null,
        source_id uuid not null,
        period_month date not null,
        value numeric not null,
        unit text not null,
        recorded_by text not null,
        reason text not null,
        source_file text,
        source_sheet text,
        source_row integer,
        parameters jsonb not null
      ) on commit drop`);
    await tx.copyFrom('activity_bulk_stage', STAGE_COLUMNS, staged);
    // Temporary tables get no statistics from autovacuum; without them the planner guesses
    // the staging table's size and may pick nested loops over a large load.
    await tx.exec('analyze activity_bulk_stage');
    // Locking the sources serialises writers of their cells, as `append` does, so version
    // numbers are assigned without gaps or clashes.
    await tx.query(
      `select 1 from emission_sources e
       where e.tenant_id = $1
         and (e.enterprise_id, e.id) in (select enterprise_id, source_id from activity_bulk_stage)
       order by e.enterprise_id, e.id
       for update`,
      [tenantId],
    );
    const [orphan] = await tx.query<{ idx: number; enterprise_id: string; source_id: string }>(
      `select s.idx, s.enterprise_id, s.source_id from activity_bulk_stage s
       where not exists (
         select 1 from emission_sources e
         where e.tenant_id = $1 and e.enterprise_id = s.enterprise_id and e.id = s.source_id)
       order by s.idx limit 1`,
      [tenantId],
    );
    if (orphan)
      throw new BulkLoadError(
        orphan.idx,
        'sourceId',
        `排放源 ${orphan.source_id} 不属于租户 ${tenantId} 的企业 ${orphan.enterprise_id}`,
        `emission source ${orphan.source_id} does not belong to enterprise ${orphan.enterprise_id} of tenant ${tenantId}`,
      );
    // The current version of each touched cell, found in one pass over the touched sources'
    // rows and hash-joined to the staging table: a lookup per row would pay the partitioned
    // table's per-probe pruning once for every row.
    const [inserted] = await tx.query<{ n: number }>(
      `with cur as (
         select distinct on (a.enterprise_id, a.source_id, a.period_month)
           a.enterprise_id, a.source_id, a.period_month, a.version, a.value, a.unit, a.parameters
         from activity_data a
         where a.tenant_id = $1
           and (a.enterprise_id, a.source_id) in
             (select enterprise_id, source_id from activity_bulk_stage)
           and a.period_month between (select min(period_month) from activity_bulk_stage)
             and (select max(period_month) from activity_bulk_stage)
         order by a.enterprise_id, a.source_id, a.period_month, a.version desc
       ), added as (
         insert into activity_data (tenant_id, enterprise_id, source_id, period_month, version,
           value, unit, recorded_by, reason, source_file, source_sheet, source_row, parameters)
         select $1, s.enterprise_id, s.source_id, s.period_month, coalesce(c.version, 0) + 1,
           s.value, s.unit, s.recorded_by, s.reason, s.source_file, s.source_sheet, s.source_row,
           s.parameters
         from activity_bulk_stage s
         left join cur c on c.enterprise_id = s.enterprise_id and c.source_id = s.source_id
           and c.period_month = s.period_month
         where not $2::boolean or c.version is null
           or (c.value, c.unit, c.parameters) is distinct from (s.value, s.unit, s.parameters)
         returning 1)
       select count(*)::integer as n from added`,
      [tenantId, onlyIfChanged],
    );
    const appended = inserted?.n ?? 0;
    await tx.exec('drop table activity_bulk_stage');
    return { rows: rows.length, appended, unchanged: rows.length - appended };
  });
}
