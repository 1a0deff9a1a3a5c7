import { quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import type { Queryable } from '../database.js';
import type { ActivityOrigin } from './activity-data.repository.js';
import { isUuid } from './ids.js';

/** The air pollutants the store keeps, as @carbonbase/analysis names them (POLLUTANTS). */
export const POLLUTANT_CODES = ['SO2', 'NOx', 'PM'] as const;
export type PollutantCode = (typeof POLLUTANT_CODES)[number];

/**
 * Where a pollutant figure comes from: online monitoring (在线监测 CEMS), the discharge permit's
 * execution report (排污许可执行报告), or an estimate (估算: emission factors, mass balance).
 */
export const POLLUTANT_DATA_SOURCES = ['cems', 'permit-report', 'estimate'] as const;
export type PollutantDataSource = (typeof POLLUTANT_DATA_SOURCES)[number];

/** One cell: an enterprise's pollutant in a month of a year, or in the whole year (month 0). */
export interface PollutantCell {
  readonly tenantId: string;
  readonly enterpriseId: string;
  readonly year: number;
  /** 1–12 for a month; 0 for a whole-year figure. */
  readonly month: number;
  readonly pollutant: PollutantCode;
}

export interface NewPollutantEmission extends PollutantCell {
  /** A mass (t, kg …), stored as entered. */
  readonly amount: Quantity;
  readonly source: PollutantDataSource;
  /** The accepted import that wrote it. */
  readonly batchId?: string;
  readonly recordedBy: string;
  readonly reason: string;
  readonly origin?: ActivityOrigin;
}

export interface PollutantEmission extends NewPollutantEmission {
  readonly version: number;
  readonly recordedAt: Date;
}

/** An enterprise's pollutant over a year: the whole-year figure, or the sum of its months. */
export interface PollutantYear {
  readonly enterpriseId: string;
  readonly year: number;
  readonly pollutant: PollutantCode;
  /** Summed in tonnes. */
  readonly amount: Quantity;
  /** Months with a figure (1–12), or 0 when the year was reported whole. */
  readonly months: readonly number[];
  /** The data sources behind the figure, sorted. */
  readonly sources: readonly PollutantDataSource[];
}

export class PollutantCellConflictError extends Error {
  override readonly name = 'PollutantCellConflictError';
}

interface PollutantRow {
  tenant_id: string;
  enterprise_id: string;
  year: number;
  month: number;
  pollutant: PollutantCode;
  version: number;
  value: string;
  unit: string;
  source: PollutantDataSource;
  batch_id: string | null;
  recorded_by: string;
  recorded_at: Date;
  reason: string;
  source_file: string | null;
  source_sheet: string | null;
  source_row: number | null;
}

const COLUMNS = `tenant_id, enterprise_id, year, month, pollutant, version, value, unit, source,
  batch_id, recorded_by, recorded_at, reason, source_file, source_sheet, source_row`;

function toEmission(r: PollutantRow): PollutantEmission {
  return {
    tenantId: r.tenant_id,
    enterpriseId: r.enterprise_id,
    year: r.year,
    month: r.month,
    pollutant: r.pollutant,
    version: r.version,
    amount: quantity(Number(r.value), r.unit),
    source: r.source,
    ...(r.batch_id !== null && { batchId: r.batch_id }),
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    reason: r.reason,
    ...(r.source_file !== null && {
      origin: {
        file: r.source_file,
        ...(r.source_sheet !== null && { sheet: r.source_sheet }),
        ...(r.source_row !== null && { row: r.source_row }),
      },
    }),
  };
}

/**
 * Monthly or annual air-pollutant emissions as append-only versions, like activity data: a
 * correction appends a new version of the cell. A year of a pollutant is reported either whole
 * (month 0) or by month, never both, so the year's figure is never counted twice.
 */
export class PollutantEmissionRepository {
  constructor(private readonly db: Queryable) {}

  /** Appends the next version of the cell. */
  async append(input: NewPollutantEmission): Promise<PollutantEmission> {
    return (await this.write(input, false)).emission;
  }

  /**
   * Appends a version only when the amount or data source differs from the current one, so
   * that the same file imported again leaves the data as it was.
   */
  async appendIfChanged(
    input: NewPollutantEmission,
  ): Promise<{ appended: boolean; emission: PollutantEmission }> {
    return this.write(input, true);
  }

  /**
   * Whether the cell already holds this amount from this data source: an import asks before it
   * records its batch, so that the batch counts only what it changes.
   */
  async unchanged(input: NewPollutantEmission): Promise<boolean> {
    if (!isUuid(input.enterpriseId)) return false;
    const [current] = await this.db.query<{ value: string; unit: string; source: string }>(
      `select value, unit, source from current_pollutant_emissions
       where tenant_id = $1 and enterprise_id = $2::uuid and year = $3 and month = $4
         and pollutant = $5`,
      [input.tenantId, input.enterpriseId, input.year, input.month, input.pollutant],
    );
    return (
      current !== undefined &&
      Number(current.value) === input.amount.value &&
      current.unit === input.amount.unit &&
      current.source === input.source
    );
  }

  /** The latest version of every cell of the enterprises within the years, in cell order. */
  async current(q: {
    readonly tenantId: string;
    readonly enterpriseIds: readonly string[];
    readonly fromYear: number;
    readonly toYear: number;
  }): Promise<PollutantEmission[]> {
    const ids = q.enterpriseIds.filter(isUuid);
    if (ids.length === 0) return [];
    const rows = await this.db.query<PollutantRow>(
      `select ${COLUMNS} from current_pollutant_emissions
       where tenant_id = $1 and enterprise_id = any(array(select jsonb_array_elements_text($2::jsonb)::uuid))
         and year between $3 and $4
       order by enterprise_id, year, month, pollutant`,
      [q.tenantId, JSON.stringify(ids), q.fromYear, q.toYear],
    );
    return rows.map(toEmission);
  }

  /** Every version of one cell, oldest first. */
  async history(cell: PollutantCell): Promise<PollutantEmission[]> {
    if (!isUuid(cell.enterpriseId)) return [];
    const rows = await this.db.query<PollutantRow>(
      `select ${COLUMNS} from pollutant_emissions
       where tenant_id = $1 and enterprise_id = $2::uuid and year = $3 and month = $4
         and pollutant = $5
       order by version`,
      [cell.tenantId, cell.enterpriseId, cell.year, cell.month, cell.pollutant],
    );
    return rows.map(toEmission);
  }

  /**
   * Each enterprise's year per pollutant from the current versions: the whole-year figure, or
   * the sum of the months reported (which months is said, so a part year is not read as whole).
   */
  async yearTotals(q: {
    readonly tenantId: string;
    readonly enterpriseIds: readonly string[];
    readonly years: readonly number[];
  }): Promise<PollutantYear[]> {
    if (q.years.length === 0) return [];
    const rows = await this.current({
      tenantId: q.tenantId,
      enterpriseIds: q.enterpriseIds,
      fromYear: Math.min(...q.years),
      toYear: Math.max(...q.years),
    });
    const out = new Map<
      string,
      { e: PollutantEmission; t: number; months: number[]; sources: Set<PollutantDataSource> }
    >();
    for (const r of rows) {
      if (!q.years.includes(r.year)) continue;
      const key = `${r.enterpriseId} ${r.year} ${r.pollutant}`;
      const acc = out.get(key) ?? { e: r, t: 0, months: [], sources: new Set() };
      acc.t += valueIn(r.amount, 't');
      acc.months.push(r.month);
      acc.sources.add(r.source);
      out.set(key, acc);
    }
    return [...out.values()].map(({ e, t, months, sources }) => ({
      enterpriseId: e.enterpriseId,
      year: e.year,
      pollutant: e.pollutant,
      amount: quantity(t, 't'),
      months,
      sources: [...sources].sort(),
    }));
  }

  private async write(
    input: NewPollutantEmission,
    onlyIfChanged: boolean,
  ): Promise<{ appended: boolean; emission: PollutantEmission }> {
    // throws for a unit that is not a mass, naming both units
    valueIn(input.amount, 't');
    const { value } = input.amount;
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`pollutant amount ${value} is not a finite non-negative number`);
    if (!Number.isInteger(input.month) || input.month < 0 || input.month > 12)
      throw new Error(`pollutant month ${input.month} is not 0 (whole year) or 1–12`);
    return this.db.transaction(async (tx) => {
      // Locking the enterprise row serialises writers of its cells, so versions have no gaps
      // or clashes and the annual-or-monthly rule below cannot be raced; it also checks that
      // the enterprise belongs to the tenant.
      const found = isUuid(input.enterpriseId)
        ? await tx.query(
            `select 1 from enterprises where tenant_id = $1 and id = $2::uuid for update`,
            [input.tenantId, input.enterpriseId],
          )
        : [];
      if (found.length === 0)
        throw new Error(`enterprise ${input.enterpriseId} of tenant ${input.tenantId} not found`);
      const cell = [input.tenantId, input.enterpriseId, input.year, input.month, input.pollutant];
      const [other] = await tx.query<{ month: number }>(
        `select month from current_pollutant_emissions
         where tenant_id = $1 and enterprise_id = $2::uuid and year = $3 and pollutant = $5
           and (case when $4 = 0 then month <> 0 else month = 0 end)
         limit 1`,
        cell,
      );
      if (other)
        throw new PollutantCellConflictError(
          input.month === 0
            ? `${input.pollutant} ${input.year} 已按月填报，不能再填全年数 is reported by month; a whole-year figure would count it twice`
            : `${input.pollutant} ${input.year} 已按全年填报，不能再填月度数 is reported for the whole year; a monthly figure would count it twice`,
        );
      const [current] = await tx.query<PollutantRow>(
        `select ${COLUMNS} from pollutant_emissions
         where tenant_id = $1 and enterprise_id = $2::uuid and year = $3 and month = $4
           and pollutant = $5
         order by version desc limit 1`,
        cell,
      );
      if (
        onlyIfChanged &&
        current &&
        Number(current.value) === input.amount.value &&
        current.unit === input.amount.unit &&
        current.source === input.source
      )
        return { appended: false, emission: toEmission(current) };
      const [row] = await tx.query<PollutantRow>(
        `insert into pollutant_emissions (tenant_id, enterprise_id, year, month, pollutant, version,
           value, unit, source, batch_id, recorded_by, reason, source_file, source_sheet,
           source_row)
         values ($1, $2::uuid, $3, $4, $5, $6, $7::numeric, $8, $9, $10::uuid, $11, $12, $13, $14,
           $15)
         returning ${COLUMNS}`,
        [
          ...cell,
          (current?.version ?? 0) + 1,
          String(input.amount.value),
          input.amount.unit,
          input.source,
          input.batchId ?? null,
          input.recordedBy,
          input.reason,
          input.origin?.file ?? null,
          input.origin?.sheet ?? null,
          input.origin?.row ?? null,
        ],
      );
      return { appended: true, emission: toEmission(row!) };
    });
  }
}
