import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOlcaJsonLdZip } from '@carbonbase/io';
import { quantity, valueIn } from '@carbonbase/quantity';
import { ProductSystemModel } from '../calc/product-system.js';
import type { GwpSet } from '../impact/gwp.js';
import { parseBackgroundSet } from './background.js';
import { FootprintDocumentError } from './read.js';

const root = (p: string) => new URL(`../../../../${p}`, import.meta.url);
const SHIPPED = 'data/footprint-background/uslci-2017-cement-inputs.json';
const set = parseBackgroundSet(JSON.parse(readFileSync(root(SHIPPED), 'utf8')), SHIPPED);

/** The USLCI process each shipped value was computed from (its `source` names the same UUID). */
const FROM: Record<string, string> = {
  limestone: '49e563d8-0cea-3f97-96b8-15787be48b91',
  'gypsum-natural': '49e563d8-0cea-3f97-96b8-15787be48b91',
  truck: '34156f3c-28ef-33db-9ad0-6293a2aa0d52',
  rail: '7de9c230-fd0f-3478-be87-f80181132faa',
  barge: '099c3d09-08a3-3cac-9ffd-0558c12033b9',
  'bituminous-coal': '317adcbc-b3e3-3ec3-80c3-82b18d0f3207',
  'natural-gas': '018446d9-d9dd-3755-89ee-7e7603e7b14a',
  diesel: '0aaf1e13-5d80-37f9-b7bb-81a6b8965c71',
};

describe('the shipped background set (data/footprint-background)', () => {
  it('parses, says it is not Chinese data, and marks the gypsum proxy', () => {
    expect(set.region).toBe('US');
    expect(set.processes.filter((p) => p.category === 'fuels').map((p) => p.id)).toEqual([
      'bituminous-coal',
      'natural-gas',
      'diesel',
    ]);
    expect(set.name).toContain('not Chinese data');
    expect(set.processes.map((p) => p.id)).toEqual(Object.keys(FROM));
    expect(set.processes.find((p) => p.id === 'gypsum-natural')?.proxy).toMatch(/no crude-gypsum/);
    for (const p of set.processes) expect(p.source).toContain(FROM[p.id]);
  });

  it('every value is what the US LCI gives when solved here (1e-9 relative)', () => {
    const zip = readFileSync(root('../shared/data/uslci-jsonld-2017/uslci_olca1_5_0_json_ld.zip'));
    const gwp = JSON.parse(
      readFileSync(new URL('../../test/gwp-ipcc-ar5-uslci.json', import.meta.url), 'utf8'),
    ) as GwpSet;
    const { system, report } = readOlcaJsonLdZip(zip);
    // Linking of docs/methods/footprint.md §6: diesel from the refinery, region US then RNA.
    const diesel = report.traps.severalProviders.find((t) => t.flowName === 'Diesel, at refinery');
    const refinery = system.processes.find((p) => p.name === 'Petroleum refining, at refinery');
    const model = new ProductSystemModel(system, {
      preferredProviders: diesel && refinery ? { [diesel.flowId]: refinery.id } : {},
      regionPreference: ['US', 'RNA'],
    });
    const all = model.intensities(gwp);
    const computed = (p: (typeof set.processes)[number]): number => {
      const j = model.linked.processIndex.get(FROM[p.id]!)!;
      // kgCO2e per reference unit (kg, m3, t*km) of the process's reference flow.
      const perUnit = all.values.values[j]!;
      if (p.id === 'natural-gas') {
        // per US m3 (60 °F) → per Nm3 (0 °C): 1 m3 = 1/0.3048³ scf, scf → Nm3 by the registry
        expect(model.linked.referenceAmounts[j]).toEqual({ value: 1, unit: 'm3' });
        return perUnit / valueIn(quantity(1 / 0.3048 ** 3, 'scf'), 'Nm3');
      }
      if (p.id === 'diesel') {
        // Mass allocation as the process states: one run is 1 kg of general refinery product, so
        // its whole burden (intensity × diesel per run) is the burden of 1 kg of any product.
        const process = system.processes.find((q) => q.id === FROM.diesel)!;
        const general = process.exchanges.find(
          (e) => e.flowId === '471bcc19-36f7-3ad8-b3ae-e39d2ab5fe44' && e.direction === 'output',
        )!;
        expect(general.amount).toEqual({ value: 1, unit: 'kg' });
        const run = perUnit * valueIn(model.linked.referenceAmounts[j]!, 'm3');
        return run / valueIn(general.amount, 'kg');
      }
      return perUnit;
    };
    for (const p of set.processes) {
      const shipped =
        p.unit === 't'
          ? valueIn(p.footprint, 'kgCO2e/kg')
          : p.unit === 'Nm3'
            ? valueIn(p.footprint, 'kgCO2e/Nm3')
            : valueIn(p.footprint, 'kgCO2e/t·km');
      const c = computed(p);
      expect(Math.abs(shipped - c) / c, p.id).toBeLessThan(1e-9);
    }
    // Plausibility: coal-mine methane makes most of coal's upstream (0.00399 kg CH4 × 28 = 0.112);
    // refinery products carry 0.3–0.7 kgCO2e/kg cradle-to-gate in published inventories.
    const fuel = (id: string) =>
      valueIn(set.processes.find((p) => p.id === id)!.footprint, 'tCO2e/t');
    expect(fuel('bituminous-coal')).toBeGreaterThan(0.112);
    expect(fuel('bituminous-coal')).toBeLessThan(0.3);
    expect(fuel('diesel')).toBeGreaterThan(0.3);
    expect(fuel('diesel')).toBeLessThan(0.7);
  }, 120_000);

  it('refuses a set with a footprint in the wrong unit', () => {
    expect(() =>
      parseBackgroundSet({
        ...JSON.parse(readFileSync(root(SHIPPED), 'utf8')),
        processes: [
          {
            id: 'x',
            name: 'x',
            category: 'materials',
            unit: 't',
            footprint: '1 tCO2e/MWh',
            source: 's',
          },
        ],
      }),
    ).toThrow(FootprintDocumentError);
  });
});
