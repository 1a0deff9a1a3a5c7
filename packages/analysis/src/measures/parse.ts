import { Reader } from '../data-reader.js';
import type { SourcedQuantity } from '../indicators/schema.js';
import { EFFECT_TARGETS, type Measure, type MeasureLibrary } from './schema.js';

/** Dimensions each effect must have per unit of driver; checked against the driver's own unit. */
const EFFECT_UNIT: Readonly<Record<string, string>> = {
  electricity: 'kWh',
  fuel: 'kgce',
  'direct-co2': 'tCO2',
  SO2: 'kg',
  NOx: 'kg',
  PM: 'kg',
};

export function parseMeasureLibrary(json: unknown, file = 'measure library'): MeasureLibrary {
  const r = new Reader();
  const o = r.object(json, '$');
  if (o.formatVersion !== 1) r.bad('$.formatVersion', 'must be 1');
  const sources = r.sources(o.sources, '$.sources');
  const ids = new Set(sources.map((s) => s.id));
  const sq = (v: unknown, path: string, per: string): SourcedQuantity => {
    const so = r.object(v, path);
    const value = r.quantity(so.value, `${path}.value`);
    r.sameDimension(value.unit, per, `${path}.value`);
    return { value, ...r.provenance(so, path, ids) };
  };
  const measures = r.array(o.measures, '$.measures').map((v, i): Measure => {
    const p = `$.measures[${i}]`;
    const m = r.object(v, p);
    const d = r.object(m.driver, `${p}.driver`);
    const driverUnit = r.text(d.unit, `${p}.driver.unit`);
    if (!driverUnit.endsWith('/a'))
      r.bad(`${p}.driver.unit`, 'a driver is an annual amount, e.g. t/a');
    const applicability = r.object(m.applicability, `${p}.applicability`);
    const note = r.optionalText(applicability.note, `${p}.applicability.note`);
    const notes = r.optionalText(m.notes, `${p}.notes`);
    return {
      id: r.text(m.id, `${p}.id`),
      name: r.text(m.name, `${p}.name`),
      nameEn: r.text(m.nameEn, `${p}.nameEn`),
      sector: r.oneOf(m.sector, ['cement', 'general'] as const, `${p}.sector`),
      category: r.text(m.category, `${p}.category`),
      driver: {
        id: r.text(d.id, `${p}.driver.id`),
        unit: driverUnit,
        description: r.text(d.description, `${p}.driver.description`),
      },
      // Capex is per unit of annual capacity: CNY per (t/a) = CNY·a/t.
      capex: sq(m.capex, `${p}.capex`, `CNY·a/${stripYear(driverUnit)}`),
      opex: sq(m.opex, `${p}.opex`, `CNY/${stripYear(driverUnit)}`),
      lifetime: sq(m.lifetime, `${p}.lifetime`, 'a'),
      effects: r.array(m.effects, `${p}.effects`).map((ev, j) => {
        const ep = `${p}.effects[${j}]`;
        const eo = r.object(ev, ep);
        const target = r.oneOf(eo.target, EFFECT_TARGETS, `${ep}.target`);
        const priced = eo.priced === undefined ? true : r.boolean(eo.priced, `${ep}.priced`);
        return {
          target,
          priced,
          ...sq(eo, ep, `${EFFECT_UNIT[target] ?? 'kg'}/${stripYear(driverUnit)}`),
        };
      }),
      applicability: {
        requires: r
          .array(applicability.requires, `${p}.applicability.requires`)
          .map((x, j) => r.text(x, `${p}.applicability.requires[${j}]`)),
        notIf: r
          .array(applicability.notIf, `${p}.applicability.notIf`)
          .map((x, j) => r.text(x, `${p}.applicability.notIf[${j}]`)),
        ...(note !== undefined && { note }),
      },
      excludes: r.array(m.excludes ?? [], `${p}.excludes`).map((x, j) => {
        const xo = r.object(x, `${p}.excludes[${j}]`);
        return {
          measure: r.text(xo.measure, `${p}.excludes[${j}].measure`),
          reason: r.text(xo.reason, `${p}.excludes[${j}].reason`),
        };
      }),
      ...(notes !== undefined && { notes }),
    };
  });
  const known = new Set<string>();
  for (const m of measures) {
    if (known.has(m.id)) r.bad('$.measures', `measure id "${m.id}" is used twice`);
    known.add(m.id);
  }
  for (const m of measures)
    for (const x of m.excludes) {
      const other = measures.find((n) => n.id === x.measure);
      if (!other) r.bad(`measure ${m.id}`, `excludes unknown measure "${x.measure}"`);
      else if (!other.excludes.some((y) => y.measure === m.id))
        r.bad(
          `measure ${m.id}`,
          `excludes ${x.measure}, but ${x.measure} does not exclude it back`,
        );
    }
  const notice = r.optionalText(o.notice, '$.notice');
  return r.finish(file, {
    formatVersion: 1,
    id: r.text(o.id, '$.id'),
    name: r.text(o.name, '$.name'),
    nameEn: r.text(o.nameEn, '$.nameEn'),
    ...(notice !== undefined && { notice }),
    sources,
    measures,
  });
}

/** "t/a" → "t": the unit a specific value is "per". Drivers are annual amounts by convention. */
function stripYear(driverUnit: string): string {
  return driverUnit.replace(/\/a$/, '');
}
