import type { JsonValue } from '../canonical-json.js';
import type { Queryable } from '../database.js';
import { isUuid } from './ids.js';

/** What a scenario is drawn up for: one enterprise, one park or one region. */
export type ScenarioScopeKind = 'enterprise' | 'park' | 'region';
export const SCENARIO_SCOPE_KINDS: readonly ScenarioScopeKind[] = ['enterprise', 'park', 'region'];

export interface ScenarioScope {
  readonly kind: ScenarioScopeKind;
  readonly id: string;
}

export interface NewPathwayScenario {
  readonly tenantId: string;
  readonly scope: ScenarioScope;
  readonly name: string;
  /** A PathwayScenario as data (quantities as text); the application layer checks it. */
  readonly document: JsonValue;
  readonly createdBy: string;
}

export interface PathwayScenarioRecord extends NewPathwayScenario {
  readonly id: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface ScenarioRow {
  tenant_id: string;
  id: string;
  scope_kind: ScenarioScopeKind;
  scope_id: string;
  name: string;
  document: JsonValue;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `tenant_id, id, scope_kind, scope_id, name, document, created_by, created_at,
  updated_at`;

const toRecord = (r: ScenarioRow): PathwayScenarioRecord => ({
  tenantId: r.tenant_id,
  id: r.id,
  scope: { kind: r.scope_kind, id: r.scope_id },
  name: r.name,
  document: r.document,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Saved pathway scenarios: drafts that their owners edit in place (docs/store.md). */
export class PathwayScenarioRepository {
  constructor(private readonly db: Queryable) {}

  async create(s: NewPathwayScenario): Promise<PathwayScenarioRecord> {
    const [row] = await this.db.query<ScenarioRow>(
      `insert into pathway_scenarios (tenant_id, scope_kind, scope_id, name, document, created_by)
       values ($1, $2, $3::uuid, $4, $5::jsonb, $6) returning ${COLUMNS}`,
      [s.tenantId, s.scope.kind, s.scope.id, s.name, JSON.stringify(s.document), s.createdBy],
    );
    return toRecord(row!);
  }

  async get(tenantId: string, id: string): Promise<PathwayScenarioRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await this.db.query<ScenarioRow>(
      `select ${COLUMNS} from pathway_scenarios where tenant_id = $1 and id = $2::uuid`,
      [tenantId, id],
    );
    return row && toRecord(row);
  }

  /**
   * Scenarios of the given scopes (an access scope turned into scopes), oldest first; every
   * scenario of the tenant when `scopes` is undefined.
   */
  async list(
    tenantId: string,
    scopes?: readonly ScenarioScope[],
    page: { limit?: number; offset?: number } = {},
  ): Promise<PathwayScenarioRecord[]> {
    const wanted = scopes?.filter((s) => isUuid(s.id)).map((s) => ({ k: s.kind, i: s.id }));
    const rows = await this.db.query<ScenarioRow>(
      `select ${COLUMNS} from pathway_scenarios
       where tenant_id = $1
         and ($2::jsonb is null or (scope_kind, scope_id) in (
           select w->>'k', (w->>'i')::uuid from jsonb_array_elements($2::jsonb) w))
       order by created_at, id
       limit $3 offset $4`,
      [tenantId, wanted ? JSON.stringify(wanted) : null, page.limit ?? 100, page.offset ?? 0],
    );
    return rows.map(toRecord);
  }

  /** Replaces the name and document; undefined when there is no such scenario. */
  async update(
    tenantId: string,
    id: string,
    change: { readonly name: string; readonly document: JsonValue },
  ): Promise<PathwayScenarioRecord | undefined> {
    if (!isUuid(id)) return undefined;
    // clock_timestamp(): now() is the transaction's start, which would not move inside one
    const [row] = await this.db.query<ScenarioRow>(
      `update pathway_scenarios set name = $3, document = $4::jsonb, updated_at = clock_timestamp()
       where tenant_id = $1 and id = $2::uuid returning ${COLUMNS}`,
      [tenantId, id, change.name, JSON.stringify(change.document)],
    );
    return row && toRecord(row);
  }

  /** True when a scenario was deleted. */
  async delete(tenantId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows = await this.db.query<{ id: string }>(
      `delete from pathway_scenarios where tenant_id = $1 and id = $2::uuid returning id`,
      [tenantId, id],
    );
    return rows.length > 0;
  }
}
