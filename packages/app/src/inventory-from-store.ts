import { getRegion } from '@carbonbase/factors';
import type {
  ActivityVersion,
  EmissionSource,
  Enterprise,
  Facility,
  JsonValue,
  Region,
} from '@carbonbase/store';
import { formatUnitless } from './format.js';

/** Method set by industry when the enterprise names none: cement plants report under CETS. */
export function methodSetOf(enterprise: Enterprise): string {
  if (enterprise.methodSet) return enterprise.methodSet;
  return /水泥|熟料|cement|clinker|C301/i.test(enterprise.industry ?? '')
    ? 'cn-cement-cets-2024'
    : 'cn-gbt32150-2015';
}

/**
 * The region code factors resolve against: the enterprise's region or its nearest ancestor
 * whose code the factor base knows (CN-GX, …); CN when none does.
 */
export function factorRegionOf(enterprise: Enterprise, regions: readonly Region[]): string {
  const byId = new Map(regions.map((r) => [r.id, r]));
  for (let r = byId.get(enterprise.regionId); r; r = r.parentId ? byId.get(r.parentId) : undefined)
    if (getRegion(r.code)) return r.code;
  return 'CN';
}

/** Where each line of a built inventory came from: the version a verifier can trace. */
export interface LineOrigin {
  readonly sourceId: string;
  readonly sourceCode: string;
  readonly month: string;
  readonly version: number;
  /**
   * Bought electricity or heat: the code of the supplying enterprise (the version's `supplier`
   * parameter); absent for the grid. Not an inventory field, so it travels here.
   */
  readonly supplier?: string;
}

/** Line id → supplier code of the lines that name one: what a run keeps for roll-ups. */
export function suppliersOf(origins: ReadonlyMap<string, LineOrigin>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, o] of origins) if (o.supplier !== undefined) out[id] = o.supplier;
  return out;
}

export interface StoreInventory {
  /** A `carbonbase.inventory/v1` document (docs/formats/inventory.md), as plain JSON. */
  readonly document: { readonly [key: string]: JsonValue };
  readonly origins: ReadonlyMap<string, LineOrigin>;
}

/** Line id of a source's month: `coal-l1.m03`, so that monthly lines stay unique. */
export const monthLineId = (sourceCode: string, month: string): string =>
  `${sourceCode}.m${month.slice(5, 7)}`;

/**
 * Builds the inventory document of one enterprise and year from the current activity versions:
 * one line per source and month, carrying the source's kind and facility and the month's
 * parameters. The months covered are those with data.
 */
export function inventoryFromStore(input: {
  readonly enterprise: Enterprise;
  readonly region: string;
  readonly year: number;
  readonly facilities: readonly Facility[];
  readonly sources: readonly EmissionSource[];
  readonly activity: readonly ActivityVersion[];
}): StoreInventory {
  const { enterprise, year } = input;
  const sources = new Map(input.sources.map((s) => [s.id, s]));
  const facilities = new Map(input.facilities.map((f) => [f.id, f]));
  const origins = new Map<string, LineOrigin>();
  const months = new Set<number>();
  const lines: JsonValue[] = [];
  for (const v of input.activity) {
    if (!v.month.startsWith(`${year}-`)) continue;
    const source = sources.get(v.sourceId);
    if (!source) continue;
    const id = monthLineId(source.code, v.month);
    const facility = source.facilityId ? facilities.get(source.facilityId) : undefined;
    months.add(Number(v.month.slice(5, 7)));
    const { supplier, ...parameters } = v.parameters ?? {};
    lines.push({
      ...parameters,
      id,
      kind: source.category,
      month: Number(v.month.slice(5, 7)),
      ...(facility && { facility: facility.code }),
      amount: `${formatUnitless(v.quantity.value)} ${v.quantity.unit}`,
    });
    origins.set(id, {
      sourceId: source.id,
      sourceCode: source.code,
      month: v.month,
      version: v.version,
      ...(typeof supplier === 'string' && { supplier }),
    });
  }
  const usedFacilities = input.facilities.filter((f) =>
    input.sources.some((s) => s.facilityId === f.id),
  );
  const document = {
    format: 'carbonbase.inventory/v1',
    reporter: {
      name: enterprise.name,
      region: input.region,
      ...(enterprise.industry && { industry: enterprise.industry }),
      creditCode: enterprise.code,
    },
    period: { year, months: [...months].sort((a, b) => a - b) },
    method: methodSetOf(enterprise),
    facilities: usedFacilities.map((f) => ({ id: f.code, name: f.name })),
    lines,
  };
  return { document, origins };
}
