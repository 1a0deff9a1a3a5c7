import { canonicalJson, sha256Hex, type JsonValue } from '../canonical-json.js';
import type { Queryable } from '../database.js';
import { isUuid } from './ids.js';
import type { EnterpriseFilter } from './organisation.repository.js';

export interface NewCalculationRun {
  readonly tenantId: string;
  readonly enterpriseId?: string;
  /** Inclusive ISO dates of the period calculated, when the run covers one. */
  readonly periodStart?: string;
  readonly periodEnd?: string;
  /** The inputs exactly as handed to the engine; the store hashes their canonical JSON. */
  readonly inputs: JsonValue;
  readonly methodSet: { readonly id: string; readonly version: string };
  /** Every factor the engine used, as `id@version`. */
  readonly factorRefs: readonly string[];
  /** Results and explanations as the engine returned them (quantities as {value, unit}). */
  readonly results: JsonValue;
  readonly explanations: JsonValue;
  readonly createdBy: string;
}

export interface CalculationRun extends NewCalculationRun {
  readonly id: string;
  /** sha256 of the canonical JSON of `inputs`: equal inputs, equal hash. */
  readonly inputHash: string;
  /** sha256 of the canonical JSON of `results`, to compare a rerun byte for byte. */
  readonly resultsHash: string;
  readonly createdAt: Date;
}

/** A run without its (possibly large) inputs, results and explanations, for lists. */
export type CalculationRunSummary = Omit<CalculationRun, 'inputs' | 'results' | 'explanations'>;

interface RunRow {
  tenant_id: string;
  id: string;
  enterprise_id: string | null;
  period_start: string | null;
  period_end: string | null;
  inputs?: JsonValue;
  input_hash: string;
  method_set_id: string;
  method_set_version: string;
  factor_refs: string[];
  results?: JsonValue;
  results_hash: string;
  explanations?: JsonValue;
  created_by: string;
  created_at: Date;
}

const SUMMARY = `tenant_id, id, enterprise_id, period_start, period_end, input_hash,
  method_set_id, method_set_version, factor_refs, results_hash, created_by, created_at`;

function toSummary(r: RunRow): CalculationRunSummary {
  return {
    tenantId: r.tenant_id,
    id: r.id,
    ...(r.enterprise_id !== null && { enterpriseId: r.enterprise_id }),
    ...(r.period_start !== null && { periodStart: r.period_start }),
    ...(r.period_end !== null && { periodEnd: r.period_end }),
    inputHash: r.input_hash,
    methodSet: { id: r.method_set_id, version: r.method_set_version },
    factorRefs: r.factor_refs,
    resultsHash: r.results_hash,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export function jsonHash(value: JsonValue): string {
  return sha256Hex(canonicalJson(value));
}

/** Calculation runs are immutable once saved: a rerun is a new run. */
export class CalculationRunRepository {
  constructor(private readonly db: Queryable) {}

  async save(run: NewCalculationRun): Promise<CalculationRun> {
    const [row] = await this.db.query<RunRow>(
      `insert into calculation_runs (tenant_id, enterprise_id, period_start, period_end, inputs,
         input_hash, method_set_id, method_set_version, factor_refs, results, results_hash,
         explanations, created_by)
       values ($1, $2::uuid, $3::date, $4::date, $5::jsonb, $6, $7, $8,
         array(select jsonb_array_elements_text($9::jsonb)), $10::jsonb, $11, $12::jsonb, $13)
       returning ${SUMMARY}`,
      [
        run.tenantId,
        run.enterpriseId ?? null,
        run.periodStart ?? null,
        run.periodEnd ?? null,
        JSON.stringify(run.inputs),
        jsonHash(run.inputs),
        run.methodSet.id,
        run.methodSet.version,
        JSON.stringify(run.factorRefs),
        JSON.stringify(run.results),
        jsonHash(run.results),
        JSON.stringify(run.explanations),
        run.createdBy,
      ],
    );
    return {
      ...toSummary(row!),
      inputs: run.inputs,
      results: run.results,
      explanations: run.explanations,
    };
  }

  async get(tenantId: string, id: string): Promise<CalculationRun | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await this.db.query<RunRow>(
      `select ${SUMMARY}, inputs, results, explanations from calculation_runs
       where tenant_id = $1 and id = $2::uuid`,
      [tenantId, id],
    );
    if (!row) return undefined;
    return {
      ...toSummary(row),
      inputs: row.inputs ?? null,
      results: row.results ?? null,
      explanations: row.explanations ?? null,
    };
  }

  /**
   * Runs of a tenant, newest first; optionally of one enterprise or of a set of enterprises
   * (an access scope), and of the period starting on a date.
   */
  async list(
    tenantId: string,
    filter: {
      enterpriseId?: string;
      enterpriseIds?: readonly string[];
      /** An actor's reach, as the enterprise list takes it: runs of enterprises within it. */
      scope?: EnterpriseFilter['scope'];
      periodStart?: string;
      limit?: number;
      offset?: number;
    } = {},
  ): Promise<CalculationRunSummary[]> {
    if (filter.enterpriseId !== undefined && !isUuid(filter.enterpriseId)) return [];
    const ids = (list: readonly string[]) => JSON.stringify(list.filter(isUuid));
    const scope = filter.scope;
    const rows = await this.db.query<RunRow>(
      `select ${SUMMARY} from calculation_runs
       where tenant_id = $1 and ($2::uuid is null or enterprise_id = $2::uuid)
         and ($3::jsonb is null
           or enterprise_id in (select jsonb_array_elements_text($3::jsonb)::uuid))
         and ($4::jsonb is null or enterprise_id in (
           select e.id from enterprises e where e.tenant_id = $1 and (
             e.region_id in (select jsonb_array_elements_text($4::jsonb)::uuid)
             or e.park_id in (select jsonb_array_elements_text($5::jsonb)::uuid)
             or e.id in (select jsonb_array_elements_text($6::jsonb)::uuid))))
         and ($7::date is null or period_start = $7::date)
       order by created_at desc, id
       limit $8 offset $9`,
      [
        tenantId,
        filter.enterpriseId ?? null,
        filter.enterpriseIds ? ids(filter.enterpriseIds) : null,
        scope ? ids(scope.regionIds) : null,
        scope ? ids(scope.parkIds) : '[]',
        scope ? ids(scope.enterpriseIds) : '[]',
        filter.periodStart ?? null,
        filter.limit ?? 100,
        filter.offset ?? 0,
      ],
    );
    return rows.map(toSummary);
  }

  /**
   * Runs that used any of the given factors (`id@version`), across tenants unless one is
   * named: after a factor-set update these are the runs to recalculate and compare.
   */
  async listUsingFactors(
    factorRefs: readonly string[],
    tenantId?: string,
  ): Promise<CalculationRunSummary[]> {
    const rows = await this.db.query<RunRow>(
      `select ${SUMMARY} from calculation_runs
       where factor_refs && array(select jsonb_array_elements_text($1::jsonb))
         and ($2::text is null or tenant_id = $2)
       order by tenant_id, created_at, id`,
      [JSON.stringify(factorRefs), tenantId ?? null],
    );
    return rows.map(toSummary);
  }
}
