import type { Queryable, SqlParam } from '../database.js';
import { isUuid } from './ids.js';

/**
 * Tenants and the organisation tree. Every read and write names its tenant: nothing here can
 * reach across tenants, which is also what a Citus distribution by tenant_id requires.
 */

export interface Tenant {
  readonly tenantId: string;
  readonly name: string;
  readonly createdAt: Date;
}

interface Named {
  readonly code: string;
  readonly name: string;
  readonly nameEn?: string;
}

export interface NewRegion extends Named {
  readonly parentId?: string;
}
export interface Region extends NewRegion {
  readonly tenantId: string;
  readonly id: string;
}

export interface NewPark extends Named {
  readonly regionId: string;
}
export interface Park extends NewPark {
  readonly tenantId: string;
  readonly id: string;
}

export interface NewEnterprise extends Named {
  readonly regionId: string;
  readonly parkId?: string;
  readonly industry?: string;
  /** The method set its inventories are accounted under, e.g. cn-cement-cets-2024. */
  readonly methodSet?: string;
}
export interface Enterprise extends NewEnterprise {
  readonly tenantId: string;
  readonly id: string;
}

export interface NewFacility extends Named {
  readonly enterpriseId: string;
  readonly kind?: string;
}
export interface Facility extends NewFacility {
  readonly tenantId: string;
  readonly id: string;
}

export interface NewEmissionSource extends Named {
  readonly enterpriseId: string;
  readonly facilityId?: string;
  /** e.g. combustion, process, electricity, heat. */
  readonly category: string;
  /** What is measured, e.g. bituminous-coal, clinker.portland, electricity. */
  readonly material?: string;
}
export interface EmissionSource extends NewEmissionSource {
  readonly tenantId: string;
  readonly id: string;
}

export interface EnterpriseFilter {
  readonly regionId?: string;
  readonly parkId?: string;
  /**
   * Access scope from the application: an enterprise is listed when it lies in one of these
   * regions, one of these parks, or is one of these enterprises. Absent: no restriction.
   */
  readonly scope?: {
    readonly regionIds: readonly string[];
    readonly parkIds: readonly string[];
    readonly enterpriseIds: readonly string[];
  };
  readonly industry?: string;
  /** Part of the name (Chinese or English) or the code, case-insensitive. */
  readonly search?: string;
}

export interface Page {
  readonly limit?: number;
  readonly offset?: number;
}

/** snake_case row → the optional camelCase field, absent when NULL. */
function opt<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: string };
}

interface NamedRow {
  tenant_id: string;
  id: string;
  code: string;
  name: string;
  name_en: string | null;
}

function named(row: NamedRow) {
  return {
    tenantId: row.tenant_id,
    id: row.id,
    code: row.code,
    name: row.name,
    ...opt('nameEn', row.name_en),
  };
}

type RegionRow = NamedRow & { parent_id: string | null };
type ParkRow = NamedRow & { region_id: string };
type EnterpriseRow = NamedRow & {
  region_id: string;
  park_id: string | null;
  industry: string | null;
  method_set: string | null;
};
type FacilityRow = NamedRow & { enterprise_id: string; kind: string | null };
type SourceRow = NamedRow & {
  enterprise_id: string;
  facility_id: string | null;
  category: string;
  material: string | null;
};

const toRegion = (r: RegionRow): Region => ({ ...named(r), ...opt('parentId', r.parent_id) });
const toPark = (r: ParkRow): Park => ({ ...named(r), regionId: r.region_id });
const toEnterprise = (r: EnterpriseRow): Enterprise => ({
  ...named(r),
  regionId: r.region_id,
  ...opt('parkId', r.park_id),
  ...opt('industry', r.industry),
  ...opt('methodSet', r.method_set),
});
const toFacility = (r: FacilityRow): Facility => ({
  ...named(r),
  enterpriseId: r.enterprise_id,
  ...opt('kind', r.kind),
});
const toSource = (r: SourceRow): EmissionSource => ({
  ...named(r),
  enterpriseId: r.enterprise_id,
  ...opt('facilityId', r.facility_id),
  category: r.category,
  ...opt('material', r.material),
});

const REGION = 'tenant_id, id, code, name, name_en, parent_id';
const PARK = 'tenant_id, id, code, name, name_en, region_id';
const ENTERPRISE = 'tenant_id, id, code, name, name_en, region_id, park_id, industry, method_set';

/** Only well-formed ids reach a `::uuid` cast: anything else in a filter names nothing. */
const uuids = (ids: readonly string[]) => JSON.stringify(ids.filter(isUuid));

/** The WHERE clause of enterprise lists and counts, and its parameters after the tenant. */
function enterpriseWhere(filter: EnterpriseFilter): { sql: string; params: SqlParam[] } {
  const scope = filter.scope;
  const escaped = filter.search?.replace(/[\\%_]/g, (c) => `\\${c}`);
  return {
    sql: `tenant_id = $1
      and ($2::uuid is null or region_id = $2::uuid)
      and ($3::uuid is null or park_id = $3::uuid)
      and ($4::jsonb is null
        or region_id in (select jsonb_array_elements_text($4::jsonb)::uuid)
        or park_id in (select jsonb_array_elements_text($5::jsonb)::uuid)
        or id in (select jsonb_array_elements_text($6::jsonb)::uuid))
      and ($7::text is null or industry = $7)
      and ($8::text is null or name ilike $8 or coalesce(name_en, '') ilike $8 or code ilike $8)`,
    params: [
      filter.regionId !== undefined && isUuid(filter.regionId) ? filter.regionId : null,
      filter.parkId !== undefined && isUuid(filter.parkId) ? filter.parkId : null,
      scope ? uuids(scope.regionIds) : null,
      scope ? uuids(scope.parkIds) : '[]',
      scope ? uuids(scope.enterpriseIds) : '[]',
      filter.industry ?? null,
      escaped === undefined ? null : `%${escaped}%`,
    ],
  };
}
const FACILITY = 'tenant_id, id, code, name, name_en, enterprise_id, kind';
const SOURCE = 'tenant_id, id, code, name, name_en, enterprise_id, facility_id, category, material';

export class OrganisationRepository {
  constructor(private readonly db: Queryable) {}

  async createTenant(tenantId: string, name: string): Promise<Tenant> {
    const [row] = await this.db.query<{ tenant_id: string; name: string; created_at: Date }>(
      'insert into tenants (tenant_id, name) values ($1, $2) returning tenant_id, name, created_at',
      [tenantId, name],
    );
    return { tenantId: row!.tenant_id, name: row!.name, createdAt: row!.created_at };
  }

  async listTenants(): Promise<Tenant[]> {
    const rows = await this.db.query<{ tenant_id: string; name: string; created_at: Date }>(
      'select tenant_id, name, created_at from tenants order by tenant_id',
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, name: r.name, createdAt: r.created_at }));
  }

  async createRegion(tenantId: string, r: NewRegion): Promise<Region> {
    const row = await this.insertOne<RegionRow>('regions', REGION, {
      tenant_id: tenantId,
      code: r.code,
      name: r.name,
      name_en: r.nameEn,
      parent_id: r.parentId,
    });
    return toRegion(row);
  }

  async listRegions(tenantId: string): Promise<Region[]> {
    const rows = await this.db.query<RegionRow>(
      `select ${REGION} from regions where tenant_id = $1 order by code`,
      [tenantId],
    );
    return rows.map(toRegion);
  }

  async createPark(tenantId: string, p: NewPark): Promise<Park> {
    const row = await this.insertOne<ParkRow>('industrial_parks', PARK, {
      tenant_id: tenantId,
      code: p.code,
      name: p.name,
      name_en: p.nameEn,
      region_id: p.regionId,
    });
    return toPark(row);
  }

  async listParks(tenantId: string, filter: { regionId?: string } = {}): Promise<Park[]> {
    const rows = await this.db.query<ParkRow>(
      `select ${PARK} from industrial_parks
       where tenant_id = $1 and ($2::uuid is null or region_id = $2::uuid) order by code`,
      [tenantId, filter.regionId ?? null],
    );
    return rows.map(toPark);
  }

  async createEnterprise(tenantId: string, e: NewEnterprise): Promise<Enterprise> {
    const row = await this.insertOne<EnterpriseRow>('enterprises', ENTERPRISE, {
      tenant_id: tenantId,
      code: e.code,
      name: e.name,
      name_en: e.nameEn,
      region_id: e.regionId,
      park_id: e.parkId,
      industry: e.industry,
      method_set: e.methodSet,
    });
    return toEnterprise(row);
  }

  async getEnterprise(tenantId: string, id: string): Promise<Enterprise | undefined> {
    if (!isUuid(id)) return undefined; // an id from a URL that is not an id names nothing
    const [row] = await this.db.query<EnterpriseRow>(
      `select ${ENTERPRISE} from enterprises where tenant_id = $1 and id = $2::uuid`,
      [tenantId, id],
    );
    return row && toEnterprise(row);
  }

  /** Enterprises matching the filter, by code; an unknown region or park id matches none. */
  async listEnterprises(
    tenantId: string,
    filter: EnterpriseFilter = {},
    page: Page = {},
  ): Promise<Enterprise[]> {
    if (!this.idsWellFormed(filter)) return [];
    const where = enterpriseWhere(filter);
    const rows = await this.db.query<EnterpriseRow>(
      `select ${ENTERPRISE} from enterprises where ${where.sql}
       order by code limit $9 offset $10`,
      [tenantId, ...where.params, page.limit ?? 1000, page.offset ?? 0],
    );
    return rows.map(toEnterprise);
  }

  async countEnterprises(tenantId: string, filter: EnterpriseFilter = {}): Promise<number> {
    if (!this.idsWellFormed(filter)) return 0;
    const where = enterpriseWhere(filter);
    const [row] = await this.db.query<{ n: number }>(
      `select count(*)::int8 as n from enterprises where ${where.sql}`,
      [tenantId, ...where.params],
    );
    return row?.n ?? 0;
  }

  /**
   * Locks the enterprise's row until the transaction ends: writers that take it first (imports)
   * run one after another for an enterprise. False when there is no such enterprise.
   */
  async lockEnterprise(tenantId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows = await this.db.query(
      `select 1 from enterprises where tenant_id = $1 and id = $2::uuid for update`,
      [tenantId, id],
    );
    return rows.length > 0;
  }

  async getPark(tenantId: string, id: string): Promise<Park | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await this.db.query<ParkRow>(
      `select ${PARK} from industrial_parks where tenant_id = $1 and id = $2::uuid`,
      [tenantId, id],
    );
    return row && toPark(row);
  }

  private idsWellFormed(filter: EnterpriseFilter): boolean {
    return [filter.regionId, filter.parkId].every((id) => id === undefined || isUuid(id));
  }

  async createFacility(tenantId: string, f: NewFacility): Promise<Facility> {
    const row = await this.insertOne<FacilityRow>('facilities', FACILITY, {
      tenant_id: tenantId,
      code: f.code,
      name: f.name,
      name_en: f.nameEn,
      enterprise_id: f.enterpriseId,
      kind: f.kind,
    });
    return toFacility(row);
  }

  async listFacilities(tenantId: string, enterpriseId: string): Promise<Facility[]> {
    const rows = await this.db.query<FacilityRow>(
      `select ${FACILITY} from facilities
       where tenant_id = $1 and enterprise_id = $2::uuid order by code`,
      [tenantId, enterpriseId],
    );
    return rows.map(toFacility);
  }

  async createSource(tenantId: string, s: NewEmissionSource): Promise<EmissionSource> {
    const row = await this.insertOne<SourceRow>('emission_sources', SOURCE, {
      tenant_id: tenantId,
      code: s.code,
      name: s.name,
      name_en: s.nameEn,
      enterprise_id: s.enterpriseId,
      facility_id: s.facilityId,
      category: s.category,
      material: s.material,
    });
    return toSource(row);
  }

  async listSources(tenantId: string, enterpriseId: string): Promise<EmissionSource[]> {
    const rows = await this.db.query<SourceRow>(
      `select ${SOURCE} from emission_sources
       where tenant_id = $1 and enterprise_id = $2::uuid order by code`,
      [tenantId, enterpriseId],
    );
    return rows.map(toSource);
  }

  /**
   * INSERT of the given columns, RETURNING `returning`. Table and column names come from this
   * file only, never from callers; values are always parameters.
   */
  private async insertOne<R extends object>(
    table: string,
    returning: string,
    values: Readonly<Record<string, string | undefined>>,
  ): Promise<R> {
    const columns = Object.keys(values);
    const params: SqlParam[] = columns.map((c) => values[c] ?? null);
    const [row] = await this.db.query<R>(
      `insert into ${table} (${columns.join(', ')})
       values (${columns.map((_, i) => `$${i + 1}`).join(', ')})
       returning ${returning}`,
      params,
    );
    if (!row) throw new Error(`insert into ${table} returned no row`);
    return row;
  }
}
