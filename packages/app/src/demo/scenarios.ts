import type { Store } from '@carbonbase/store';
import type { Actor } from '../actor.js';
import { createScenario, scenarioBaseline, type ScenarioDocument } from '../pathways.js';

/**
 * Three carbon-peak scenarios for the building-materials park, drawn up by its admin from the
 * park's latest annual total (invented rates, shown as an example of the pathway pages): business
 * as usual, efficiency retrofits, and deep decarbonisation with alternative fuels and CCUS.
 * Measures avoid a share of the base-year total, rounded to whole tonnes.
 */
export async function seedDemoScenarios(store: Store, parkAdmin: Actor, parkId: string) {
  const base = await scenarioBaseline(store, parkAdmin, { kind: 'park', id: parkId });
  if (!base.document || !base.emissions) return [];
  const b = base.document;
  const share = (pct: number) => `${Math.round((base.emissions!.value * pct) / 100)} tCO2e/a`;
  const from = b.baseYear + 1;
  const growth = [
    { from, to: 2030, ratePerYear: '2 %' },
    { from: 2031, to: 2035, ratePerYear: '1 %' },
    { from: 2036, to: 2060, ratePerYear: '-1 %' },
  ];
  const documents: ScenarioDocument[] = [
    {
      ...b,
      id: 'bau',
      name: '基准情景：产量增长，强度缓降',
      nameEn: 'Business as usual: output grows, intensity eases',
      growth,
      intensityChange: [{ from, to: 2060, ratePerYear: '-0.5 %' }],
      measures: [],
    },
    {
      ...b,
      id: 'retrofit',
      name: '节能降碳改造：余热发电与高效粉磨',
      nameEn: 'Efficiency retrofits: waste-heat power and efficient grinding',
      growth,
      intensityChange: [
        { from, to: 2040, ratePerYear: '-1.5 %' },
        { from: 2041, to: 2060, ratePerYear: '-1 %' },
      ],
      measures: [
        { id: 'waste-heat-power', from: 2027, abatement: share(3) },
        { id: 'efficient-grinding', from: 2028, abatement: share(2) },
      ],
    },
    {
      ...b,
      id: 'deep',
      name: '深度脱碳：替代燃料、熟料替代与 CCUS',
      nameEn: 'Deep decarbonisation: alternative fuels, clinker substitution and CCUS',
      growth,
      intensityChange: [
        { from, to: 2040, ratePerYear: '-2 %' },
        { from: 2041, to: 2060, ratePerYear: '-3 %' },
      ],
      measures: [
        { id: 'alternative-fuels', from: 2027, abatement: share(8) },
        { id: 'clinker-substitution', from: 2029, abatement: share(5) },
        { id: 'ccus', from: 2035, abatement: share(25) },
      ],
    },
  ];
  const saved = [];
  for (const document of documents)
    saved.push(
      await createScenario(store, parkAdmin, { scope: { kind: 'park', id: parkId }, document }),
    );
  return saved;
}
