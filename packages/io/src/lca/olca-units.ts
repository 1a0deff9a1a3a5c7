import type { OlcaFlow, OlcaFlowProperty, OlcaUnitGroup } from './olca-schema.js';

/**
 * Unit handling as openLCA does it: an exchange has an amount in some unit of some flow property.
 * Its amount in the flow's reference unit is
 *
 *   amount × unit.conversionFactor / flowPropertyFactor.conversionFactor
 *
 * where unit.conversionFactor is the size of the unit in its group's reference unit, and the flow
 * property factor says how many units of that property one reference-property unit of the flow is
 * (olca-core `Exchange`/`FlowPropertyFactor`; olca-schema `FlowPropertyFactor.yaml`).
 */
export class UnitTable {
  private readonly units = new Map<string, { name: string; factor: number; group: string }>();
  private readonly referenceUnit = new Map<string, string>();
  private readonly groupOfProperty = new Map<string, string>();

  constructor(groups: readonly OlcaUnitGroup[], properties: readonly OlcaFlowProperty[]) {
    for (const g of groups) {
      for (const u of g.units ?? []) {
        this.units.set(u['@id'], {
          name: u.name ?? u['@id'],
          factor: u.conversionFactor ?? 1,
          group: g['@id'],
        });
        if (u.referenceUnit) this.referenceUnit.set(g['@id'], u.name ?? u['@id']);
      }
    }
    for (const p of properties) {
      if (p.unitGroup) this.groupOfProperty.set(p['@id'], p.unitGroup['@id']);
    }
  }

  /** The reference unit of a flow: the reference unit of its reference flow property's group. */
  flowUnit(flow: OlcaFlow): string | undefined {
    const ref =
      flow.flowProperties?.find((f) => f.referenceFlowProperty) ?? flow.flowProperties?.[0];
    const group = ref?.flowProperty ? this.groupOfProperty.get(ref.flowProperty['@id']) : undefined;
    return group ? this.referenceUnit.get(group) : undefined;
  }

  /**
   * Factor from (unit, property) to the flow's reference unit, or a reason why there is none.
   */
  toFlowUnit(
    flow: OlcaFlow,
    unitId: string | undefined,
    propertyId: string | undefined,
  ): { factor: number; from: string } | { error: string } {
    const unit = unitId ? this.units.get(unitId) : undefined;
    if (!unit) return { error: `unknown unit ${unitId ?? '(none)'}` };
    const factors = flow.flowProperties ?? [];
    const refFactor = factors.find((f) => f.referenceFlowProperty) ?? factors[0];
    const propFactor = propertyId
      ? factors.find((f) => f.flowProperty?.['@id'] === propertyId)
      : refFactor;
    if (!propFactor?.flowProperty)
      return { error: `flow has no flow property ${propertyId ?? '(none)'}` };
    const group = this.groupOfProperty.get(propFactor.flowProperty['@id']);
    if (group !== unit.group)
      return {
        error: `unit ${unit.name} is not in the unit group of the exchange's flow property`,
      };
    const cf = propFactor.conversionFactor ?? 1;
    if (cf === 0) return { error: 'flow property factor is zero' };
    return { factor: unit.factor / cf, from: unit.name };
  }
}
