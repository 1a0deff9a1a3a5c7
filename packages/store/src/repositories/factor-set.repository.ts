import type {
  FactorKind,
  FactorRecord,
  FactorSet,
  FactorSetManifest,
  FactorSource,
  Verification,
} from '@carbonbase/factors';
import { canonicalJson, sha256Hex } from '../canonical-json.js';
import type { Queryable } from '../database.js';

export interface FactorSetSummary {
  readonly id: string;
  readonly version: string;
  readonly checksum: string;
  readonly recordCount: number;
  readonly loadedAt: Date;
  readonly manifest: FactorSetManifest;
}

export interface FactorSetLoadResult {
  /** `unchanged` when the same id@version with the same content was already there. */
  readonly status: 'loaded' | 'unchanged';
  readonly id: string;
  readonly version: string;
  readonly checksum: string;
  readonly recordCount: number;
}

/** Different content under an id@version that is already loaded: versions are immutable. */
export class FactorSetConflictError extends Error {
  override readonly name = 'FactorSetConflictError';
  constructor(
    readonly setRef: string,
    readonly storedChecksum: string,
    readonly newChecksum: string,
  ) {
    super(
      `factor set ${setRef} is already loaded with different content ` +
        `(stored ${storedChecksum}, new ${newChecksum}); publish it under a new version`,
    );
  }
}

/** The checksum that makes loading idempotent: over the manifest and every record. */
export function factorSetChecksum(set: FactorSet): string {
  return sha256Hex(canonicalJson({ manifest: set.manifest, records: set.records }));
}

/** Rows per INSERT: keeps each statement's JSON parameter to a few hundred kilobytes. */
const BATCH = 500;

interface FactorSetRow {
  id: string;
  version: string;
  checksum: string;
  record_count: number;
  loaded_at: Date;
  manifest: FactorSetManifest;
}

interface FactorRow {
  set_id: string;
  set_version: string;
  id: string;
  kind: string;
  code: string;
  parameter: string;
  value: string;
  unit: string;
  gas: string | null;
  region: string;
  year: number | null;
  valid_from: string | null;
  valid_to: string | null;
  basis: string | null;
  source: FactorSource;
  licence: string;
  verification: string;
  name: string;
  name_en: string;
  aliases: string[];
  notes: string | null;
}

const FACTOR_COLUMNS = `set_id, set_version, id, kind, code, parameter, value, unit, gas, region,
  year, valid_from, valid_to, basis, source, licence, verification, name, name_en, aliases, notes`;

export class FactorSetRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Loads a parsed factor set in one transaction. Loading the same id@version again with the
   * same content does nothing; with different content it throws FactorSetConflictError.
   */
  async load(set: FactorSet): Promise<FactorSetLoadResult> {
    const { id, version } = set.manifest;
    for (const r of set.records)
      if (r.set !== id || r.version !== version)
        throw new Error(`record ${r.id} belongs to ${r.set}@${r.version}, not ${id}@${version}`);
    const checksum = factorSetChecksum(set);
    const result = { id, version, checksum, recordCount: set.records.length };
    return this.db.transaction(async (tx) => {
      // On conflict the insert waits for a concurrent loader of the same set to finish, then
      // inserts nothing, and we compare checksums.
      const inserted = await tx.query(
        `insert into factor_sets (id, version, manifest, checksum, record_count)
         values ($1, $2, $3::jsonb, $4, $5)
         on conflict (id, version) do nothing
         returning id`,
        [id, version, JSON.stringify(set.manifest), checksum, set.records.length],
      );
      if (inserted.length === 0) {
        const [stored] = await tx.query<{ checksum: string }>(
          'select checksum from factor_sets where id = $1 and version = $2',
          [id, version],
        );
        if (stored?.checksum !== checksum)
          throw new FactorSetConflictError(`${id}@${version}`, stored?.checksum ?? '', checksum);
        return { status: 'unchanged' as const, ...result };
      }
      for (let i = 0; i < set.records.length; i += BATCH)
        await insertFactors(tx, set.records.slice(i, i + BATCH), i);
      return { status: 'loaded' as const, ...result };
    });
  }

  async list(): Promise<FactorSetSummary[]> {
    const rows = await this.db.query<FactorSetRow>(
      `select id, version, checksum, record_count, loaded_at, manifest
       from factor_sets order by id, version`,
    );
    return rows.map(toSummary);
  }

  async findSummary(id: string, version: string): Promise<FactorSetSummary | undefined> {
    const [row] = await this.db.query<FactorSetRow>(
      `select id, version, checksum, record_count, loaded_at, manifest
       from factor_sets where id = $1 and version = $2`,
      [id, version],
    );
    return row && toSummary(row);
  }

  /** The set as it was loaded: its manifest and its records in their original order. */
  async find(id: string, version: string): Promise<FactorSet | undefined> {
    const summary = await this.findSummary(id, version);
    if (!summary) return undefined;
    const rows = await this.db.query<FactorRow>(
      `select ${FACTOR_COLUMNS} from factors
       where set_id = $1 and set_version = $2 order by ordinal`,
      [id, version],
    );
    return { manifest: summary.manifest, records: rows.map(toRecord) };
  }

  /**
   * The factors cited as `id@version` (as calculation runs record them), in the order asked;
   * refs that are not loaded are missing from the map.
   */
  async findByRefs(refs: readonly string[]): Promise<Map<string, FactorRecord>> {
    const keys = refs.map((ref) => {
      const at = ref.lastIndexOf('@');
      if (at <= 0) throw new Error(`"${ref}" is not a factor reference (id@version)`);
      return { id: ref.slice(0, at), set_version: ref.slice(at + 1) };
    });
    const rows = await this.db.query<FactorRow>(
      `select ${FACTOR_COLUMNS} from factors
       join jsonb_to_recordset($1::jsonb) as k(id text, set_version text) using (id, set_version)`,
      [JSON.stringify(keys)],
    );
    const byRef = new Map(rows.map((r) => [`${r.id}@${r.set_version}`, toRecord(r)]));
    const out = new Map<string, FactorRecord>();
    for (const ref of refs) {
      const record = byRef.get(ref);
      if (record) out.set(ref, record);
    }
    return out;
  }
}

async function insertFactors(
  tx: Queryable,
  records: readonly FactorRecord[],
  firstOrdinal: number,
): Promise<void> {
  const rows = records.map((r, i) => ({
    set_id: r.set,
    set_version: r.version,
    id: r.id,
    ordinal: firstOrdinal + i,
    kind: r.kind,
    code: r.code,
    parameter: r.parameter,
    // The shortest text that reads back as the same double; numeric keeps it exactly.
    value: String(r.value.value),
    unit: r.value.unit,
    gas: r.gas ?? null,
    region: r.region,
    year: r.year ?? null,
    valid_from: r.validFrom ?? null,
    valid_to: r.validTo ?? null,
    basis: r.basis ?? null,
    source: r.source,
    licence: r.licence,
    verification: r.verification,
    name: r.name,
    name_en: r.nameEn,
    aliases: r.aliases,
    notes: r.notes ?? null,
  }));
  await tx.query(
    `insert into factors (${FACTOR_COLUMNS}, ordinal)
     select ${FACTOR_COLUMNS}, ordinal
     from jsonb_to_recordset($1::jsonb) as r(
       set_id text, set_version text, id text, ordinal integer, kind text, code text,
       parameter text, value numeric, unit text, gas text, region text, year integer,
       valid_from date, valid_to date, basis text, source jsonb, licence text,
       verification text, name text, name_en text, aliases text[], notes text)`,
    [JSON.stringify(rows)],
  );
}

function toSummary(row: FactorSetRow): FactorSetSummary {
  return {
    id: row.id,
    version: row.version,
    checksum: row.checksum,
    recordCount: row.record_count,
    loadedAt: row.loaded_at,
    manifest: row.manifest,
  };
}

/** Rebuilds the record exactly as the factors package makes it: absent optionals stay absent. */
function toRecord(row: FactorRow): FactorRecord {
  const s = row.source;
  return {
    id: row.id,
    kind: row.kind as FactorKind,
    code: row.code,
    parameter: row.parameter,
    name: row.name,
    nameEn: row.name_en,
    aliases: row.aliases,
    value: { value: Number(row.value), unit: row.unit },
    ...(row.gas !== null && { gas: row.gas }),
    region: row.region,
    ...(row.year !== null && { year: row.year }),
    ...(row.valid_from !== null && { validFrom: row.valid_from }),
    ...(row.valid_to !== null && { validTo: row.valid_to }),
    ...(row.basis !== null && { basis: row.basis }),
    set: row.set_id,
    version: row.set_version,
    source: {
      document: s.document,
      ...(s.clause !== undefined && { clause: s.clause }),
      ...(s.url !== undefined && { url: s.url }),
      ...(s.publisher !== undefined && { publisher: s.publisher }),
    },
    licence: row.licence,
    verification: row.verification as Verification,
    ...(row.notes !== null && { notes: row.notes }),
  };
}
