import type { Quantity } from '@carbonbase/quantity';
import { canonicalJson, type JsonValue } from '../canonical-json.js';
import type { Queryable } from '../database.js';
import {
  bulkLoadActivity,
  type BulkLoadOptions,
  type BulkLoadReport,
} from './activity-bulk-load.js';

/** One cell of monthly activity data: which source of which enterprise, which month. */
export interface ActivityCell {
  readonly tenantId: string;
  readonly enterpriseId: string;
  readonly sourceId: string;
  /** `YYYY-MM`. */
  readonly month: string;
}

/** Where a value came from, so a verifier can trace it to the file row years later. */
export interface ActivityOrigin {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
}

/**
 * The other fields of the month's inventory line (docs/formats/inventory.md): measured
 * parameters such as `ncv: "22.6 GJ/t"`, the fuel, contracts…
 */
export type ActivityParameters = Readonly<Record<string, JsonValue>>;

export interface NewActivityVersion extends ActivityCell {
  readonly quantity: Quantity;
  /** Measured parameters that belong with this value; a changed parameter is a new version. */
  readonly parameters?: ActivityParameters;
  /** The user id or token that recorded it. */
  readonly recordedBy: string;
  /** Why this version exists: "import of …", "correction after verification", … */
  readonly reason: string;
  readonly origin?: ActivityOrigin;
}

export interface ActivityVersion extends NewActivityVersion {
  readonly version: number;
  readonly recordedAt: Date;
}

export interface ActivityQuery {
  readonly tenantId: string;
  readonly enterpriseId: string;
  /** Inclusive `YYYY-MM` bounds; both optional. */
  readonly fromMonth?: string;
  readonly toMonth?: string;
}

export interface CoverageQuery {
  readonly tenantId: string;
  /** Inclusive `YYYY-MM` bounds: a year or two, which keeps the query on those partitions. */
  readonly fromMonth: string;
  readonly toMonth: string;
  readonly enterpriseId?: string;
}

export interface MonthlyCoverage {
  readonly enterpriseId: string;
  readonly month: string;
  /** Sources with a current value for the month. */
  readonly sources: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export class InvalidMonthError extends Error {
  override readonly name = 'InvalidMonthError';
}

/** `YYYY-MM` → the `date` of its first day, as stored. */
function monthStart(month: string): string {
  if (!MONTH.test(month)) throw new InvalidMonthError(`"${month}" is not a month (YYYY-MM)`);
  return `${month}-01`;
}

interface ActivityRow {
  tenant_id: string;
  enterprise_id: string;
  source_id: string;
  period_month: string;
  version: number;
  value: string;
  unit: string;
  recorded_by: string;
  recorded_at: Date;
  reason: string;
  source_file: string | null;
  source_sheet: string | null;
  source_row: number | null;
  parameters: Record<string, JsonValue>;
}

const COLUMNS = `tenant_id, enterprise_id, source_id, period_month, version, value, unit,
  recorded_by, recorded_at, reason, source_file, source_sheet, source_row, parameters`;

function toVersion(r: ActivityRow): ActivityVersion {
  const origin: ActivityOrigin | undefined =
    r.source_file === null
      ? undefined
      : {
          file: r.source_file,
          ...(r.source_sheet !== null && { sheet: r.source_sheet }),
          ...(r.source_row !== null && { row: r.source_row }),
        };
  return {
    tenantId: r.tenant_id,
    enterpriseId: r.enterprise_id,
    sourceId: r.source_id,
    month: r.period_month.slice(0, 7),
    version: r.version,
    quantity: { value: Number(r.value), unit: r.unit },
    ...(Object.keys(r.parameters).length > 0 && { parameters: r.parameters }),
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    reason: r.reason,
    ...(origin && { origin }),
  };
}

/**
 * Monthly activity data as append-only versions. A correction appends a new version; nothing
 * is updated or deleted (the table's trigger refuses it).
 */
export class ActivityDataRepository {
  constructor(private readonly db: Queryable) {}

  /** Appends the next version of the cell. */
  async append(input: NewActivityVersion): Promise<ActivityVersion> {
    return (await this.write(input, false)).version;
  }

  /**
   * Appends a version only when the value, unit or parameters differ from the current one, so that
   * recording the same figure twice (the same file imported again, or two imports racing)
   * leaves one version. Returns the current version either way.
   */
  async appendIfChanged(
    input: NewActivityVersion,
  ): Promise<{ appended: boolean; version: ActivityVersion }> {
    return this.write(input, true);
  }

  /**
   * Appends many rows of one tenant at once, each as its cell's next version, in one
   * transaction through COPY (PostgreSQL) or COPY from a blob (PGlite). A refused row throws
   * `BulkLoadError` naming it and its field, and nothing is written. Two rows for the same
   * cell in one load are refused: which of them is newer would be a guess.
   */
  bulkLoad(
    rows: readonly NewActivityVersion[],
    options?: BulkLoadOptions,
  ): Promise<BulkLoadReport> {
    return bulkLoadActivity(this.db, rows, options);
  }

  /**
   * How many sources each enterprise of a tenant has reported (current versions) per month:
   * the completeness roll-up a regulator watches. Served by the primary key's index, one
   * partition per year in range (test/rollup-plan.test.ts checks the plan).
   */
  async monthlyCoverage(q: CoverageQuery): Promise<MonthlyCoverage[]> {
    const rows = await this.db.query<{
      enterprise_id: string;
      period_month: string;
      sources: number;
    }>(
      `select enterprise_id, period_month, count(*)::integer as sources
       from current_activity_data
       where tenant_id = $1 and period_month >= $2::date and period_month <= $3::date
         and ($4::uuid is null or enterprise_id = $4::uuid)
       group by enterprise_id, period_month
       order by enterprise_id, period_month`,
      [q.tenantId, monthStart(q.fromMonth), monthStart(q.toMonth), q.enterpriseId ?? null],
    );
    return rows.map((r) => ({
      enterpriseId: r.enterprise_id,
      month: r.period_month.slice(0, 7),
      sources: r.sources,
    }));
  }

  /** The latest version of every cell of an enterprise, by month then source. */
  async current(q: ActivityQuery): Promise<ActivityVersion[]> {
    const rows = await this.db.query<ActivityRow>(
      `select ${COLUMNS} from current_activity_data
       where tenant_id = $1 and enterprise_id = $2::uuid
         and ($3::date is null or period_month >= $3::date)
         and ($4::date is null or period_month <= $4::date)
       order by period_month, source_id`,
      [
        q.tenantId,
        q.enterpriseId,
        q.fromMonth === undefined ? null : monthStart(q.fromMonth),
        q.toMonth === undefined ? null : monthStart(q.toMonth),
      ],
    );
    return rows.map(toVersion);
  }

  /** Every version of one cell, oldest first. */
  async history(cell: ActivityCell): Promise<ActivityVersion[]> {
    const rows = await this.db.query<ActivityRow>(
      `select ${COLUMNS} from activity_data
       where tenant_id = $1 and enterprise_id = $2::uuid and source_id = $3::uuid
         and period_month = $4::date
       order by version`,
      [cell.tenantId, cell.enterpriseId, cell.sourceId, monthStart(cell.month)],
    );
    return rows.map(toVersion);
  }

  private async write(
    input: NewActivityVersion,
    onlyIfChanged: boolean,
  ): Promise<{ appended: boolean; version: ActivityVersion }> {
    const month = monthStart(input.month);
    const value = input.quantity.value;
    if (!Number.isFinite(value)) throw new Error(`activity value ${value} is not a finite number`);
    return this.db.transaction(async (tx) => {
      // Locking the source row serialises writers of its cells, so version numbers are
      // assigned without gaps or clashes; it also checks that the source belongs to the
      // enterprise of this tenant.
      const source = await tx.query(
        `select 1 from emission_sources
         where tenant_id = $1 and enterprise_id = $2::uuid and id = $3::uuid for update`,
        [input.tenantId, input.enterpriseId, input.sourceId],
      );
      if (source.length === 0)
        throw new Error(
          `emission source ${input.sourceId} of enterprise ${input.enterpriseId} not found`,
        );
      const cell = [input.tenantId, input.enterpriseId, input.sourceId, month];
      const [current] = await tx.query<ActivityRow>(
        `select ${COLUMNS} from activity_data
         where tenant_id = $1 and enterprise_id = $2::uuid and source_id = $3::uuid
           and period_month = $4::date
         order by version desc limit 1`,
        cell,
      );
      if (
        onlyIfChanged &&
        current &&
        Number(current.value) === value &&
        current.unit === input.quantity.unit &&
        canonicalJson(current.parameters) === canonicalJson(input.parameters ?? {})
      )
        return { appended: false, version: toVersion(current) };
      const [row] = await tx.query<ActivityRow>(
        `insert into activity_data (tenant_id, enterprise_id, source_id, period_month, version,
           value, unit, recorded_by, reason, source_file, source_sheet, source_row, parameters)
         values ($1, $2::uuid, $3::uuid, $4::date, $5, $6::numeric, $7, $8, $9, $10, $11, $12,
           $13::jsonb)
         returning ${COLUMNS}`,
        [
          ...cell,
          (current?.version ?? 0) + 1,
          String(value),
          input.quantity.unit,
          input.recordedBy,
          input.reason,
          input.origin?.file ?? null,
          input.origin?.sheet ?? null,
          input.origin?.row ?? null,
          JSON.stringify(input.parameters ?? {}),
        ],
      );
      return { appended: true, version: toVersion(row!) };
    });
  }
}
