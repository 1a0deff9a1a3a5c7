import type { FactorRecord, FactorSource } from './record.js';

/** The plain JSON shape of a factor, shared by the CLI's `--json` output and the HTTP API. */
export interface FactorJson {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: FactorRecord['kind'];
  readonly code: string;
  readonly parameter: string;
  readonly value: number;
  readonly unit: string;
  readonly gas: string | null;
  readonly region: string;
  readonly year: number | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly basis: string | null;
  readonly set: string;
  readonly version: string;
  readonly source: FactorSource;
  readonly licence: string;
  readonly verification: FactorRecord['verification'];
  readonly aliases: readonly string[];
  readonly notes: string | null;
}

export function toFactorJson(r: FactorRecord): FactorJson {
  return {
    id: r.id,
    name: r.name,
    nameEn: r.nameEn,
    kind: r.kind,
    code: r.code,
    parameter: r.parameter,
    value: r.value.value,
    unit: r.value.unit,
    gas: r.gas ?? null,
    region: r.region,
    year: r.year ?? null,
    validFrom: r.validFrom ?? null,
    validTo: r.validTo ?? null,
    basis: r.basis ?? null,
    set: r.set,
    version: r.version,
    source: r.source,
    licence: r.licence,
    verification: r.verification,
    aliases: r.aliases,
    notes: r.notes ?? null,
  };
}
