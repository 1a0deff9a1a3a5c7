import { quantity, valueIn, type Quantity } from '@carbonbase/quantity';
import type { Candidate } from '../measures/instantiate.js';
import { POLLUTANTS, type Pollutant } from '../measures/schema.js';

/**
 * Where a change falls in the carbon–pollutant coordinate system (协同控制效应坐标系): both down is
 * co-control (协同), one down and the other up a trade-off, both up neither.
 */
export type SynergyClass =
  'co-control' | 'carbon-only' | 'pollutant-only' | 'neither' | 'no-change';

export function classifySynergy(carbonChange: number, pollutantChange: number): SynergyClass {
  if (carbonChange === 0 && pollutantChange === 0) return 'no-change';
  if (carbonChange <= 0 && pollutantChange <= 0) return 'co-control';
  if (carbonChange <= 0) return 'carbon-only';
  if (pollutantChange <= 0) return 'pollutant-only';
  return 'neither';
}

export interface MeasureCoBenefit {
  readonly candidate: string;
  readonly abatement: Quantity;
  /** Per pollutant: reduction (positive = less) and co-benefit ratio, kg of pollutant per tCO2. */
  readonly pollutants: Readonly<
    Record<
      Pollutant,
      {
        readonly reduction: Quantity;
        readonly ratio: Quantity | null;
        readonly class: SynergyClass;
      }
    >
  >;
}

/**
 * A measure's effect on both carbon and pollutants: reduction of each pollutant per tonne of CO2
 * avoided (the co-benefit ratio, kg/tCO2), and the quadrant. The ratio is null when the measure
 * avoids no CO2.
 */
export function measureCoBenefit(c: Candidate): MeasureCoBenefit {
  const a = valueIn(c.abatement, 'tCO2/a');
  const pollutants = Object.fromEntries(
    POLLUTANTS.map((p) => {
      const reduction = -valueIn(c.pollutants[p], 'kg/a');
      return [
        p,
        {
          reduction: quantity(reduction, 'kg/a'),
          ratio: a > 0 ? quantity(reduction / a, 'kg/tCO2') : null,
          class: classifySynergy(-a, -reduction),
        },
      ];
    }),
  ) as MeasureCoBenefit['pollutants'];
  return { candidate: c.id, abatement: c.abatement, pollutants };
}

export interface SynergyChange {
  readonly pollutant: Pollutant;
  readonly carbonChange: Quantity;
  readonly pollutantChange: Quantity;
  /** (ΔP/P0) / (ΔC/C0): > 0 when both move the same way; null when either base or ΔC is zero. */
  readonly elasticity: number | null;
  readonly class: SynergyClass;
}

/**
 * Synergy of an observed change between two periods (an enterprise, a park or a region):
 * per pollutant, the change of carbon and of the pollutant, their elasticity and quadrant.
 */
export function synergyOfChange(
  carbon: { readonly before: Quantity; readonly after: Quantity },
  pollutants: Partial<
    Readonly<Record<Pollutant, { readonly before: Quantity; readonly after: Quantity }>>
  >,
): SynergyChange[] {
  const c0 = carbon.before.value;
  const dc = valueIn(carbon.after, carbon.before.unit) - c0;
  return POLLUTANTS.flatMap((p) => {
    const pv = pollutants[p];
    if (pv === undefined) return [];
    const p0 = pv.before.value;
    const dp = valueIn(pv.after, pv.before.unit) - p0;
    const elasticity = c0 === 0 || p0 === 0 || dc === 0 ? null : dp / p0 / (dc / c0);
    return [
      {
        pollutant: p,
        carbonChange: quantity(dc, carbon.before.unit),
        pollutantChange: quantity(dp, pv.before.unit),
        elasticity,
        class: classifySynergy(dc, dp),
      },
    ];
  });
}
