import { OEFDB_UNITS } from './oefdb-units.js';
import type { ImportPreset } from './preset.js';
import { shortHash, slug } from './slug.js';
import type { FieldCells } from './types.js';

/** The columns of OpenEmissionFactorsDB.csv that the preset reads. */
const COLUMNS = [
  'activity_id',
  'name',
  'activity_unit',
  'kgCO2e-AR5',
  'kgCO2e-AR4',
  'scope',
  'lca_activity',
  'source',
  'year_released',
  'years_valid',
  'region',
  'description',
  'source_link',
] as const;

/** The unique key named in the snapshot's PROVENANCE.md; the row id is derived from it. */
const KEY = [
  'activity_id',
  'region',
  'year_released',
  'source',
  'activity_unit',
  'lca_activity',
] as const;

/** `2021` or `2019-2021` → ISO dates bounding those calendar years; anything else → none. */
function validity(text: string): { from: string; to: string } | undefined {
  const m = /^(\d{4})(?:\s*-\s*(\d{4}))?$/.exec(text);
  if (!m?.[1]) return undefined;
  const to = m[2] ?? m[1];
  return to < m[1] ? undefined : { from: `${m[1]}-01-01`, to: `${to}-12-31` };
}

/**
 * Open Emission Factors Database (Climatiq, CSV of 2022). One record per row carrying the CO2e
 * total: AR5 where supplied, else AR4 (`basis` says which). Rows with per-gas numbers only are
 * rejected, not summed: for BEIS those columns are CO2e shares, for EPA gas masses, and GHG
 * Protocol rows mix both (PROVENANCE.md), so no single rule turns them into a total.
 */
export const oefdbPreset: ImportPreset = {
  id: 'oefdb',
  name: '开放排放因子数据库（Climatiq）',
  nameEn: 'Open Emission Factors Database (Climatiq)',
  description:
    'CO2e totals per activity unit from the Open Emission Factors Database; rows without a CO2e total or with units the registry cannot express are left out.',
  publisher: 'Climatiq (Open Emission Factors Database)',
  licence: 'CC-BY-SA-4.0',
  source: {
    title: 'Open Emission Factors Database (OEFDB)',
    url: 'https://github.com/climatiq/Open-Emission-Factors-DB',
    publisher: 'Climatiq',
  },
  columns: COLUMNS,
  mapping: {
    id: KEY.join('+'),
    code: 'activity_id',
    parameter: 'lca_activity',
    name: 'name',
    name_en: 'name',
    value: 'kgCO2e-AR5|kgCO2e-AR4',
    unit: 'activity_unit',
    region: 'region',
    year: 'year_released',
    valid_from: 'years_valid',
    valid_to: 'years_valid',
    source: 'source',
    url: 'source_link',
    notes: 'lca_activity+scope+description',
  },
  missingTokens: ['not-supplied'],

  toFields(get, issue): FieldCells {
    const ar5 = get('kgCO2e-AR5');
    const ar4 = get('kgCO2e-AR4');
    const total = ar5
      ? { column: 'kgCO2e-AR5', text: ar5, basis: 'AR5' }
      : ar4
        ? { column: 'kgCO2e-AR4', text: ar4, basis: 'AR4' }
        : undefined;
    if (!total) {
      issue(
        'kgCO2e-AR5',
        'no-co2e-total',
        'CO2e 总量缺失 no CO2e total: kgCO2e-AR5 and kgCO2e-AR4 are empty; per-gas columns are not summed (their meaning differs by source)',
      );
    }
    const activityUnit = get('activity_unit');
    const unit = OEFDB_UNITS[activityUnit];
    if (activityUnit && !unit) {
      issue(
        'activity_unit',
        'unknown-unit',
        `单位无法表示 unit not in the registry: "${activityUnit}"`,
        activityUnit,
      );
    }
    const activityId = get('activity_id');
    const region = get('region');
    const year = get('year_released');
    const lca = get('lca_activity') || 'unknown';
    const valid = validity(get('years_valid'));
    const id = [
      slug(activityId, 100) || 'row',
      slug(region),
      year,
      shortHash(KEY.map((k) => get(k))),
    ]
      .filter(Boolean)
      .join('.');
    const notes = [
      `OEFDB lca_activity ${lca}`,
      get('scope') && `scope ${get('scope')}`,
      get('description'),
    ].filter(Boolean);
    return {
      id: { text: id, column: 'activity_id' },
      kind: { text: unit?.currency ? 'spend' : 'emission-factor', column: 'activity_unit' },
      code: { text: activityId, column: 'activity_id' },
      parameter: { text: `ef.${lca}`, column: 'lca_activity' },
      name: { text: get('name'), column: 'name' },
      name_en: { text: get('name'), column: 'name' },
      // A field already reported above is marked so that it is not reported again as missing.
      value: total
        ? { text: total.text, column: total.column }
        : { text: '', column: 'kgCO2e-AR5', reported: true },
      ...(total && { basis: { text: total.basis, column: total.column } }),
      unit: unit
        ? { text: `kgCO2e/${unit.unit}`, column: 'activity_unit' }
        : { text: '', column: 'activity_unit', ...(activityUnit && { reported: true as const }) },
      gas: { text: 'CO2e' },
      region: { text: region, column: 'region' },
      year: { text: year, column: 'year_released' },
      ...(valid && {
        valid_from: { text: valid.from, column: 'years_valid' },
        valid_to: { text: valid.to, column: 'years_valid' },
      }),
      source: { text: get('source'), column: 'source' },
      url: { text: get('source_link'), column: 'source_link' },
      verification: { text: 'secondary' },
      notes: { text: notes.join('. '), column: 'description' },
    };
  },
};
