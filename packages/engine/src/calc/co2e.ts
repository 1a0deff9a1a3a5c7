import { multiply, type Quantity } from '@carbonbase/quantity';
import { GWP_CO2 } from '../methods/constants.js';
import { fmt, type LineTrace } from './context.js';

/** tCO2 → tCO2e with GWP 1: an explicit step, because the registry keeps the two dimensions apart. */
export function co2ToCo2e(trace: LineTrace, co2: Quantity): Quantity {
  const gwp = trace.constant(GWP_CO2);
  return trace.step(
    'E_CO2e',
    '二氧化碳当量 CO2 equivalent',
    `${fmt(co2)} × ${fmt(gwp)}`,
    multiply(co2, gwp),
  );
}
