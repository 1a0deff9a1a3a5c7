import type { Quantity } from '@carbonbase/quantity';
import { conversionFactor } from '@carbonbase/quantity';
import type { Flow } from '../system/model.js';

/**
 * A GWP set given as data: one factor per gas, plus the names under which elementary flows of that
 * gas appear in a database. The engine contains no GWP value of its own.
 */
export interface GwpFactor {
  /** Gas code: CO2, CH4, N2O, SF6, HFC-134a, … */
  readonly gas: string;
  /** kgCO2e per kg of gas (any unit of the form <CO2e mass>/<mass>). */
  readonly value: Quantity;
  /** `id@version` of the factor record, or a citation, so the result can say what it used. */
  readonly ref: string;
  /**
   * Flow names (compared trimmed, case-insensitively, without a trailing "[…]" qualifier) that
   * denote this gas, e.g. "carbon dioxide, fossil". Matching by name is a convenience for data sets
   * with many duplicated flows (USLCI); `flowIds` is exact and wins.
   */
  readonly names?: readonly string[];
  readonly flowIds?: readonly string[];
}

export interface GwpSet {
  readonly id: string;
  readonly version: string;
  /** e.g. "IPCC AR5 WG1 ch. 8, Table 8.A.1, GWP-100". */
  readonly source: string;
  readonly factors: readonly GwpFactor[];
  /**
   * Only elementary flows whose compartment path has a segment matching one of these (case-
   * insensitive substring) are characterized: a CO2 *resource* ("in air") is not an emission.
   * Default: ["air"]. Flows whose compartment is "… in air" / resource are excluded by `excludeCompartments`.
   */
  readonly emissionCompartments?: readonly string[];
  readonly excludeCompartments?: readonly string[];
}

/** Why a flow got the factor it got. */
export interface Characterization {
  readonly flowId: string;
  readonly gas: string;
  /** kgCO2e per reference unit of the flow. */
  readonly factor: Quantity;
  readonly ref: string;
  readonly matchedBy: 'flow-id' | 'name';
}

export const CO2E_UNIT = 'kgCO2e';

export function normalizeFlowName(name: string): string {
  return name
    .replace(/\s*\[[^\]]*\]\s*$/, '')
    .trim()
    .toLowerCase();
}

/**
 * Characterization factors for the given elementary flows. Flows in a non-mass unit are converted
 * through the unit registry; a flow that cannot be converted is left out and returned in
 * `unconverted` so the caller can report it.
 */
export function characterize(
  flows: readonly Flow[],
  set: GwpSet,
): { factors: Map<string, Characterization>; unconverted: string[] } {
  const byId = new Map<string, GwpFactor>();
  const byName = new Map<string, GwpFactor>();
  for (const f of set.factors) {
    for (const id of f.flowIds ?? []) byId.set(id, f);
    for (const n of f.names ?? []) byName.set(normalizeFlowName(n), f);
  }
  const include = (set.emissionCompartments ?? ['air']).map((s) => s.toLowerCase());
  const exclude = (set.excludeCompartments ?? []).map((s) => s.toLowerCase());
  const factors = new Map<string, Characterization>();
  const unconverted: string[] = [];
  for (const flow of flows) {
    if (flow.kind !== 'elementary') continue;
    let match = byId.get(flow.id);
    let matchedBy: Characterization['matchedBy'] = 'flow-id';
    if (!match) {
      const comp = (flow.compartment ?? '').toLowerCase();
      if (!include.some((c) => comp.includes(c)) || exclude.some((c) => comp.includes(c))) continue;
      match = byName.get(normalizeFlowName(flow.name));
      matchedBy = 'name';
    }
    if (!match) continue;
    const [co2eUnit, massUnit] = match.value.unit.split('/');
    try {
      // factor per flow unit = value (co2e/mass) × (mass per flow unit), expressed in kgCO2e.
      const perMass = match.value.value * conversionFactor(co2eUnit ?? '', CO2E_UNIT);
      const massPerFlowUnit = conversionFactor(flow.unit, massUnit ?? '');
      factors.set(flow.id, {
        flowId: flow.id,
        gas: match.gas,
        factor: { value: perMass * massPerFlowUnit, unit: `${CO2E_UNIT}/${flow.unit}` },
        ref: match.ref,
        matchedBy,
      });
    } catch {
      unconverted.push(flow.id);
    }
  }
  return { factors, unconverted };
}
