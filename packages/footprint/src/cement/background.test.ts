import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOlcaJsonLdZip } from '@carbonbase/io';
import { valueIn } from '@carbonbase/quantity';
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
};

describe('the shipped background set (data/footprint-background)', () => {
  it('parses, says it is not Chinese data, and marks the gypsum proxy', () => {
    expect(set.region).toBe('US');
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
    for (const p of set.processes) {
      const j = model.linked.processIndex.get(FROM[p.id]!)!;
      // kgCO2e per reference unit (kg, t*km) = tCO2e/t and kgCO2e/t·km.
      const computed = all.values.values[j]!;
      const shipped =
        p.unit === 't' ? valueIn(p.footprint, 'kgCO2e/kg') : valueIn(p.footprint, 'kgCO2e/t·km');
      expect(Math.abs(shipped - computed) / computed).toBeLessThan(1e-9);
    }
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
