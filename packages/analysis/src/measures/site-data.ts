import { Reader } from '../data-reader.js';
import type { SourcedQuantity } from '../indicators/schema.js';
import type { Mark, SourceRef } from '../provenance.js';

/**
 * The two data files that turn stored accounting data into measure sites
 * (docs/methods/analysis.md, "MACC and optimizer over the store"): a default price table
 * (data/measures/prices.json) and the per-industry assumptions for what the store does not hold
 * (data/measures/site-assumptions.json). Every value carries its source and mark.
 */

export interface FuelPrice extends SourcedQuantity {
  /** Fuel code as inventory lines name it, e.g. `bituminous-coal`. */
  readonly fuel: string;
}

export interface PriceTable {
  readonly formatVersion: 1;
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly notice?: string;
  readonly sources: readonly SourceRef[];
  /** Price of grid electricity, CNY/kWh. */
  readonly electricity: SourcedQuantity;
  /** Price of each fuel per kgce, so that fuels of one site can be averaged by energy. */
  readonly fuels: readonly FuelPrice[];
  /** Price of a fuel not in `fuels`. */
  readonly otherFuel: SourcedQuantity;
  /** CO2 factors for a site whose run has no electricity bought or no fossil fuel burnt. */
  readonly fallbackFactors: {
    readonly electricity: SourcedQuantity;
    readonly fuel: SourcedQuantity;
  };
}

/** What is assumed for the enterprises of one industry (GB/T 4754 code prefix). */
export interface SiteProfile {
  readonly id: string;
  /** GB/T 4754 code prefix matched against the enterprise's industry; "" matches any. */
  readonly industry: string;
  /** Site features assumed present (equipment the store does not record). */
  readonly features: readonly string[];
  /** Shares of the site's electricity use: motors, lighting; PV generation the site can hold. */
  readonly motorShare: SourcedQuantity;
  readonly lightingShare: SourcedQuantity;
  readonly pvShare: SourcedQuantity;
  /** Share of the stationary fuel (not kiln, not vehicles) burnt in boilers. */
  readonly boilerShare: SourcedQuantity;
  readonly mark: Mark;
  readonly source: string;
  readonly note?: string;
}

export interface SiteAssumptions {
  readonly formatVersion: 1;
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly notice?: string;
  readonly sources: readonly SourceRef[];
  /** Clinker per t cement (cement output = clinker ÷ share). */
  readonly clinkerFactor: SourcedQuantity;
  /** Electricity per t clinker of a plant without cement grinding. */
  readonly clinkerOnlyElectricity: SourcedQuantity;
  /** Kiln heat per t clinker at or below which the kiln counts as modern. */
  readonly modernKilnHeat: SourcedQuantity;
  readonly boilerEfficiency: SourcedQuantity;
  readonly profiles: readonly SiteProfile[];
}

export function parsePriceTable(json: unknown, file = 'price table'): PriceTable {
  const r = new Reader();
  const o = r.object(json, '$');
  if (o.formatVersion !== 1) r.bad('$.formatVersion', 'must be 1');
  const sources = r.sources(o.sources, '$.sources');
  const ids = new Set(sources.map((s) => s.id));
  const sq = sourced(r, ids);
  const fallback = r.object(o.fallbackFactors, '$.fallbackFactors');
  const fuels = r.array(o.fuels, '$.fuels').map((v, i): FuelPrice => {
    const p = `$.fuels[${i}]`;
    const f = r.object(v, p);
    return { fuel: r.text(f.fuel, `${p}.fuel`), ...sq(f, p, 'CNY/kgce') };
  });
  const seen = new Set<string>();
  for (const f of fuels) {
    if (seen.has(f.fuel)) r.bad('$.fuels', `fuel "${f.fuel}" is priced twice`);
    seen.add(f.fuel);
  }
  const notice = r.optionalText(o.notice, '$.notice');
  return r.finish(file, {
    formatVersion: 1,
    id: r.text(o.id, '$.id'),
    name: r.text(o.name, '$.name'),
    nameEn: r.text(o.nameEn, '$.nameEn'),
    ...(notice !== undefined && { notice }),
    sources,
    electricity: sq(o.electricity, '$.electricity', 'CNY/kWh'),
    fuels,
    otherFuel: sq(o.otherFuel, '$.otherFuel', 'CNY/kgce'),
    fallbackFactors: {
      electricity: sq(fallback.electricity, '$.fallbackFactors.electricity', 'tCO2/MWh'),
      fuel: sq(fallback.fuel, '$.fallbackFactors.fuel', 'tCO2/tce'),
    },
  });
}

export function parseSiteAssumptions(json: unknown, file = 'site assumptions'): SiteAssumptions {
  const r = new Reader();
  const o = r.object(json, '$');
  if (o.formatVersion !== 1) r.bad('$.formatVersion', 'must be 1');
  const sources = r.sources(o.sources, '$.sources');
  const ids = new Set(sources.map((s) => s.id));
  const sq = sourced(r, ids);
  const profiles = r.array(o.profiles, '$.profiles').map((v, i): SiteProfile => {
    const p = `$.profiles[${i}]`;
    const f = r.object(v, p);
    const provenance = r.provenance(f, p, ids);
    const industry = f.industry === '' ? '' : r.text(f.industry, `${p}.industry`);
    // Shares take the profile's own mark and source: the profile is one assumption.
    const share = (key: string): SourcedQuantity => {
      const value = r.quantity(f[key], `${p}.${key}`);
      r.sameDimension(value.unit, '%', `${p}.${key}`);
      return { value, mark: provenance.mark, source: provenance.source };
    };
    return {
      id: r.text(f.id, `${p}.id`),
      industry,
      features: r
        .array(f.features, `${p}.features`)
        .map((x, j) => r.text(x, `${p}.features[${j}]`)),
      motorShare: share('motorShare'),
      lightingShare: share('lightingShare'),
      pvShare: share('pvShare'),
      boilerShare: share('boilerShare'),
      mark: provenance.mark,
      source: provenance.source,
      ...(provenance.note !== undefined && { note: provenance.note }),
    };
  });
  if (!profiles.some((p) => p.industry === ''))
    r.bad('$.profiles', 'needs a profile with industry "" for any other industry');
  const notice = r.optionalText(o.notice, '$.notice');
  return r.finish(file, {
    formatVersion: 1,
    id: r.text(o.id, '$.id'),
    name: r.text(o.name, '$.name'),
    nameEn: r.text(o.nameEn, '$.nameEn'),
    ...(notice !== undefined && { notice }),
    sources,
    clinkerFactor: sq(o.clinkerFactor, '$.clinkerFactor', '%'),
    clinkerOnlyElectricity: sq(o.clinkerOnlyElectricity, '$.clinkerOnlyElectricity', 'kWh/t'),
    modernKilnHeat: sq(o.modernKilnHeat, '$.modernKilnHeat', 'GJ/t'),
    boilerEfficiency: sq(o.boilerEfficiency, '$.boilerEfficiency', '%'),
    profiles,
  });
}

/** The profile for an industry text such as "水泥熟料生产 (C3011)": the longest matching prefix. */
export function profileFor(
  assumptions: SiteAssumptions,
  industry: string | undefined,
): SiteProfile {
  const code = /\(([A-T]\d{2,4})\)/.exec(industry ?? '')?.[1] ?? '';
  const matching = assumptions.profiles.filter((p) => code.startsWith(p.industry));
  // parseSiteAssumptions guarantees a profile with the empty prefix, which always matches.
  return matching.reduce((a, b) => (b.industry.length > a.industry.length ? b : a));
}

function sourced(r: Reader, ids: ReadonlySet<string>) {
  return (v: unknown, path: string, unit: string): SourcedQuantity => {
    const o = r.object(v, path);
    const value = r.quantity(o.value, `${path}.value`);
    r.sameDimension(value.unit, unit, `${path}.value`);
    return { value, ...r.provenance(o, path, ids) };
  };
}
