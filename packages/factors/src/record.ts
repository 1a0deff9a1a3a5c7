import type { Quantity } from '@carbonbase/quantity';

/**
 * What a factor is. One record type serves every kind; `parameter` says which property of the
 * subject (`code`) the value is.
 */
export const FACTOR_KINDS = [
  /** Fuel properties: NCV, carbon content per unit heat, oxidation rate (GB/T 32151 App. C). */
  'fuel-property',
  /** A direct emission factor per unit of activity (tCO2/t, kgCO2e/L, …). */
  'emission-factor',
  /** Process factors: clinker types, carbonate stoichiometry, CKD. */
  'process-factor',
  /** Deductions for non-carbonate alternative raw materials (MEE cement guideline). */
  'raw-material-deduction',
  /** Electricity factors: national, regional, provincial; `basis` names the published basis. */
  'grid',
  /** Purchased-heat factors. */
  'heat',
  /** Global warming potentials; `basis` says which assessment report (AR4, AR5, AR6). */
  'gwp',
  /** Standard-coal coefficients (折标准煤系数), 当量值 or 等价值 in `basis`. */
  'standard-coal',
  /** Spend-based (EEIO) factors per currency unit. */
  'spend',
  /** Thresholds of standards such as GB 16780-2021 grades. */
  'threshold',
  /** EU CBAM default values and schedules. */
  'cbam',
] as const;
export type FactorKind = (typeof FACTOR_KINDS)[number];

/** Confidence marks as in shared/methods.md: V, V-sec, R. */
export const VERIFICATION_STATUSES = ['verified', 'secondary', 'recalled'] as const;
export type Verification = (typeof VERIFICATION_STATUSES)[number];

export interface FactorSource {
  /** The publication, e.g. "GB/T 32151.22-2024". */
  readonly document: string;
  /** Table, clause or page, e.g. "表C.1". */
  readonly clause?: string;
  readonly url?: string;
  readonly publisher?: string;
}

export interface FactorRecord {
  /** Stable id: `<set>/<row id>`, e.g. `cn-gbt32151-2024-fuels/bituminous-coal.ncv`. */
  readonly id: string;
  readonly kind: FactorKind;
  /** What the factor applies to, e.g. `bituminous-coal`, `electricity`, `clinker.portland`, `CH4`. */
  readonly code: string;
  /** Which property: `ncv`, `carbon-content`, `oxidation`, `ef`, `gwp100`, `coefficient`, … */
  readonly parameter: string;
  readonly name: string;
  readonly nameEn: string;
  readonly aliases: readonly string[];
  readonly value: Quantity;
  /** The gas the value refers to (CO2, CH4, …, or CO2e), where that applies. */
  readonly gas?: string;
  /** Region code: CN, CN-GRID-EAST, CN-GX, GLOBAL, GB, … (see regions.json). */
  readonly region: string;
  /** The data year the value describes (a grid factor's year), if any. */
  readonly year?: number;
  /** ISO dates bounding where the value may be used, if the publisher says so. */
  readonly validFrom?: string;
  readonly validTo?: string;
  /** Published basis, e.g. `average`, `excl-market-nonfossil`, `fossil`, `equivalent`, `calorific`. */
  readonly basis?: string;
  readonly set: string;
  readonly version: string;
  readonly source: FactorSource;
  readonly licence: string;
  readonly verification: Verification;
  readonly notes?: string;
}

/** `id@version`: how results cite the exact factor they used. */
export function factorRef(f: Pick<FactorRecord, 'id' | 'version'>): string {
  return `${f.id}@${f.version}`;
}

export interface SourceDocument {
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly year?: number;
  readonly url?: string;
  readonly notes?: string;
}

/** The manifest of a factor set: identity, provenance and the checksums of its data files. */
export interface FactorSetManifest {
  readonly formatVersion: 1;
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly nameEn: string;
  readonly description?: string;
  readonly publisher: string;
  readonly licence: string;
  /** ISO date this version of the set was published or assembled. */
  readonly released: string;
  readonly sources: readonly SourceDocument[];
  readonly files: readonly { readonly path: string; readonly sha256: string }[];
}

export interface FactorSet {
  readonly manifest: FactorSetManifest;
  readonly records: readonly FactorRecord[];
}
