import { Reader } from '../data-reader.js';
import type { Provenance, SourceRef } from '../provenance.js';

/** An inventory category an offset may be set against (scope 1, scope 2 electricity, …). */
export interface InventoryCategory {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
}

export interface OffsetType extends Provenance {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** Categories this type may neutralise. */
  readonly countsAgainst: readonly string[];
  /**
   * `co2e`: credits in tonnes; `electricity`: certificates or contracts in MWh, converted with the
   * grid factor and capped at the emissions of the categories they count against.
   */
  readonly measure: 'co2e' | 'electricity';
  readonly requiresRetirement: boolean;
  /** Refuse credits whose vintage is more than this many years before the period; null: no rule. */
  readonly maxVintageAge: number | null;
}

/** Rules of a carbon-neutrality check, as data (data/indicator-systems/*neutrality*.json). */
export interface NeutralityRules {
  readonly formatVersion: 1;
  readonly id: string;
  readonly kind: 'neutrality-check';
  readonly name: string;
  readonly nameEn: string;
  readonly notice?: string;
  readonly sources: readonly SourceRef[];
  readonly claimRule: Provenance & { readonly text: string };
  readonly requireInventoryVerification: Provenance & { readonly value: boolean };
  readonly categories: readonly InventoryCategory[];
  readonly offsetTypes: readonly OffsetType[];
}

export function parseNeutralityRules(json: unknown, file = 'neutrality rules'): NeutralityRules {
  const r = new Reader();
  const o = r.object(json, '$');
  if (o.formatVersion !== 1) r.bad('$.formatVersion', 'must be 1');
  if (o.kind !== 'neutrality-check') r.bad('$.kind', 'must be "neutrality-check"');
  const sources = r.sources(o.sources, '$.sources');
  const ids = new Set(sources.map((s) => s.id));
  const categories = r.array(o.categories, '$.categories').map((v, i) => {
    const c = r.object(v, `$.categories[${i}]`);
    return {
      id: r.text(c.id, `$.categories[${i}].id`),
      name: r.text(c.name, `$.categories[${i}].name`),
      nameEn: r.text(c.nameEn, `$.categories[${i}].nameEn`),
    };
  });
  const categoryIds = new Set(categories.map((c) => c.id));
  const offsetTypes = r.array(o.offsetTypes, '$.offsetTypes').map((v, i): OffsetType => {
    const p = `$.offsetTypes[${i}]`;
    const t = r.object(v, p);
    const countsAgainst = r.array(t.countsAgainst, `${p}.countsAgainst`).map((c, j) => {
      const id = r.text(c, `${p}.countsAgainst[${j}]`);
      if (!categoryIds.has(id)) r.bad(`${p}.countsAgainst[${j}]`, `unknown category "${id}"`);
      return id;
    });
    return {
      id: r.text(t.id, `${p}.id`),
      name: r.text(t.name, `${p}.name`),
      nameEn: r.text(t.nameEn, `${p}.nameEn`),
      countsAgainst,
      measure: r.oneOf(t.measure, ['co2e', 'electricity'] as const, `${p}.measure`),
      requiresRetirement: r.boolean(t.requiresRetirement, `${p}.requiresRetirement`),
      maxVintageAge:
        t.maxVintageAge === null ? null : r.number(t.maxVintageAge, `${p}.maxVintageAge`),
      ...r.provenance(t, p, ids),
    };
  });
  const claim = r.object(o.claimRule, '$.claimRule');
  const verification = r.object(o.requireInventoryVerification, '$.requireInventoryVerification');
  const notice = r.optionalText(o.notice, '$.notice');
  return r.finish(file, {
    formatVersion: 1,
    id: r.text(o.id, '$.id'),
    kind: 'neutrality-check',
    name: r.text(o.name, '$.name'),
    nameEn: r.text(o.nameEn, '$.nameEn'),
    ...(notice !== undefined && { notice }),
    sources,
    claimRule: {
      text: r.text(claim.text, '$.claimRule.text'),
      ...r.provenance(claim, '$.claimRule', ids),
    },
    requireInventoryVerification: {
      value: r.boolean(verification.value, '$.requireInventoryVerification.value'),
      ...r.provenance(verification, '$.requireInventoryVerification', ids),
    },
    categories,
    offsetTypes,
  });
}
