import { z } from 'zod';
import {
  compatible,
  dimensionOf,
  parseQuantity,
  quantity,
  type Quantity,
} from '@carbonbase/quantity';

/**
 * The inventory document `carbonbase.inventory/v1`, as a zod schema. The JSON Schema in
 * docs/formats/inventory.schema.json describes the same shape for people and other tools; a test
 * keeps the two in step (kinds and fields).
 */
export const INVENTORY_FORMAT = 'carbonbase.inventory/v1';

/** A quantity is written `"150000 t"` or `{ value: 150000, unit: "t" }`; a bare number is refused. */
const quantityInput = z.union(
  [z.string(), z.strictObject({ value: z.number(), unit: z.string() })],
  {
    error:
      '数量需带单位 a quantity is written "<number> <unit>" or {value, unit}; a bare number is refused',
  },
);

/**
 * A quantity field whose unit must measure the same thing as one of `units` (e.g. `['t']` accepts
 * kg, 万t; `['t', '万Nm3', 'GJ']` accepts a mass, a gas volume or an energy).
 */
function qty(units: readonly string[], what: string) {
  const described = quantityInput.describe(
    `${what}: "<number> <unit>" or {value, unit}; the unit must measure the same as ${units.join(' | ')}`,
  );
  return described.transform((input, ctx): Quantity => {
    let q: Quantity;
    try {
      q = typeof input === 'string' ? parseQuantity(input) : quantity(input.value, input.unit);
    } catch (e) {
      ctx.issues.push({ code: 'custom', message: (e as Error).message, input });
      return z.NEVER;
    }
    if (!units.some((u) => compatible(q.unit, u))) {
      ctx.issues.push({
        code: 'custom',
        input,
        message:
          `量纲不符 wrong dimension: expected ${what} (${units.join(' | ')}), ` +
          `got "${q.unit}" (${dimensionOf(q.unit)})`,
      });
      return z.NEVER;
    }
    return q;
  });
}

const fraction = () => qty(['%'], 'a fraction such as "65.5 %" or "0.655 1"');
const mass = () => qty(['t'], 'a mass');
const energy = () => qty(['GJ'], 'an energy');

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const lineBase = {
  id: z.string().regex(ID, 'ids use letters, digits, ".", "_" and "-"'),
  /** Calendar month 1–12 within the period's year; omit for a whole-period figure. */
  month: z.number().int().min(1).max(12).optional(),
  facility: z.string().optional(),
  note: z.string().optional(),
  /**
   * CETS-AG-02.01-V01-2024 reports a clinker-production boundary beside the enterprise: false
   * keeps a line (e.g. mine trucks, offices) out of it. Ignored by other method sets.
   */
  inClinkerBoundary: z.boolean().optional(),
};

export const FUEL_AMOUNT_UNITS = ['t', '万Nm3', 'GJ'] as const;

const fuelCombustion = z
  .strictObject({
    ...lineBase,
    kind: z.literal('fuel-combustion'),
    /** Fuel code of the factor base: bituminous-coal, diesel, natural-gas, … */
    fuel: z.string().min(1),
    amount: qty(FUEL_AMOUNT_UNITS, 'a mass, a gas volume or an energy'),
    ncv: qty(['GJ/t', 'GJ/万Nm3'], 'a net calorific value per mass or per gas volume').optional(),
    carbonContent: qty(
      ['tC/GJ'],
      'carbon per unit heat, e.g. "0.0261 tC/GJ" or "26.1 tC/TJ"',
    ).optional(),
    oxidation: fraction().optional(),
  })
  .describe(
    'Fossil fuel burnt: amount × NCV × carbon content × oxidation × 44/12. NCV, carbonContent and oxidation override the factor-base defaults (then flagged measured).',
  );

const alternativeFuel = z
  .strictObject({
    ...lineBase,
    kind: z.literal('alternative-fuel'),
    /** A name or a factor-base code (waste-tyres, waste-oil, …). */
    fuel: z.string().min(1),
    amount: qty(['t', 'GJ'], 'a mass or an energy'),
    ncv: qty(['GJ/t'], 'a net calorific value per mass').optional(),
    carbonContent: qty(['tC/GJ'], 'carbon per unit heat').optional(),
    /** Emission factor per unit heat, instead of carbon content × 44/12. */
    ef: qty(['tCO2/GJ'], 'CO2 per unit heat').optional(),
    oxidation: fraction().optional(),
    /** Share of the carbon that is biomass (reported separately, outside totals). */
    biomassFraction: fraction(),
  })
  .describe(
    'Alternative or waste fuel with a biomass share; the fossil part counts, biomass CO2 is reported separately.',
  );

export const CLINKER_TYPES = ['portland', 'white-portland', 'sulfoaluminate', 'aluminate'] as const;
export type ClinkerType = (typeof CLINKER_TYPES)[number];

const clinker = z
  .strictObject({
    ...lineBase,
    kind: z.literal('clinker'),
    amount: mass(),
    clinkerType: z.enum(CLINKER_TYPES).optional(),
    cao: fraction().optional(),
    mgo: fraction().optional(),
    caoNonCarbonate: fraction().optional(),
    mgoNonCarbonate: fraction().optional(),
  })
  .describe(
    'Clinker produced: output method (CaO/MgO and their non-carbonate parts) or the default factor by clinker type, as the method says.',
  );

const nonCarbonate = z
  .strictObject({
    ...lineBase,
    kind: z.literal('non-carbonate-raw-material'),
    /** Material code: carbide-slag, steel-slag, … (factor code altraw.<material>). */
    material: z.string().min(1),
    amount: mass(),
    deduction: qty(['tCO2/t'], 'CO2 per tonne of material').optional(),
  })
  .describe('Non-carbonate alternative raw material (CETS-AG-02.01-V01-2024 deduction).');

const kilnDust = z
  .strictObject({
    ...lineBase,
    kind: z.literal('kiln-dust'),
    dustType: z.enum(['ckd', 'bypass']),
    amount: mass(),
    /** Calcination degree of the dust leaving the system; 100 % when omitted. */
    calcination: fraction().optional(),
    /** Clinker emission factor to use; by default that of the facility's clinker lines. */
    clinkerEf: qty(['tCO2/t'], 'CO2 per tonne of clinker').optional(),
  })
  .describe('Kiln dust leaving the system (CKD or bypass), with its calcination degree.');

const rawMeal = z
  .strictObject({
    ...lineBase,
    kind: z.literal('raw-meal-organic-carbon'),
    amount: mass(),
    /** Non-fuel (organic) carbon content of the raw meal. */
    toc: fraction().optional(),
  })
  .describe('Raw meal consumed and its organic (non-fuel) carbon content.');

const processEmission = z
  .strictObject({
    ...lineBase,
    kind: z.literal('process-emission'),
    /** What the process is, for the report. */
    process: z.string().min(1),
    amount: quantityInput.transform((input, ctx): Quantity => {
      try {
        return typeof input === 'string' ? parseQuantity(input) : quantity(input.value, input.unit);
      } catch (e) {
        ctx.issues.push({ code: 'custom', message: (e as Error).message, input });
        return z.NEVER;
      }
    }),
    /** Emission factor per unit of `amount`, in tCO2/… (checked against the amount's unit). */
    factor: qty(
      ['tCO2/t', 'tCO2/GJ', 'tCO2/万Nm3', 'tCO2/item', 'tCO2/m3'],
      'CO2 per unit of activity',
    ),
  })
  .describe('A generic process emission: amount × factor (tCO2 per unit of the amount).');

const CONTRACT_INSTRUMENTS = [
  'green-certificate',
  'green-power',
  'ppa',
  'supplier-specific',
] as const;

const electricityPurchased = z
  .strictObject({
    ...lineBase,
    kind: z.literal('electricity-purchased'),
    amount: energy(),
    /** Contractual instruments (GHG Protocol market-based Scope 2). */
    contracts: z
      .array(
        z.strictObject({
          instrument: z.enum(CONTRACT_INSTRUMENTS),
          amount: energy(),
          /** Emission factor the instrument conveys; 0 tCO2/MWh for green certificates and green power. */
          ef: qty(['tCO2/MWh'], 'CO2 per unit of electricity').optional(),
          reference: z.string().optional(),
        }),
      )
      .optional(),
  })
  .describe(
    'Purchased electricity; contracts carry green certificates, green power and PPAs (market-based Scope 2).',
  );

const simpleEnergy = <K extends string>(kind: K) =>
  z
    .strictObject({ ...lineBase, kind: z.literal(kind), amount: energy() })
    .describe(
      'Exported electricity; deducted by the Chinese methods, a memo item under the GHG Protocol.',
    );

const heat = <K extends string>(kind: K) =>
  z
    .strictObject({
      ...lineBase,
      kind: z.literal(kind),
      /** Heat as an energy (GJ), or steam as a mass with its enthalpy. */
      amount: qty(['GJ', 't'], 'an energy, or a mass of steam'),
      enthalpy: qty(['kJ/kg'], 'steam enthalpy, e.g. "2780 kJ/kg"').optional(),
    })
    .describe(
      `${kind === 'heat-purchased' ? 'Purchased' : 'Exported'} heat, in GJ or as a mass of steam with its enthalpy.`,
    );

const electricityGenerated = z
  .strictObject({
    ...lineBase,
    kind: z.literal('electricity-generated'),
    amount: energy(),
    /** Where the on-site electricity comes from; reported, not an emission source itself. */
    source: z.enum(['waste-heat', 'solar', 'wind', 'other']),
  })
  .describe('On-site generation (waste heat, solar …): a memo item, not an emission source.');

const ccus = z
  .strictObject({
    ...lineBase,
    kind: z.literal('ccus'),
    /** Captured CO2 as a mass (tCO2) or as a gas volume (万Nm3, with `purity`). */
    amount: qty(['tCO2', '万Nm3'], 'a mass of CO2 or a gas volume'),
    purity: fraction().optional(),
    destination: z.enum(['geological-storage', 'used-outside', 'used-inside']),
  })
  .describe('CO2 captured, with its destination; deducted only where the method allows.');

const nonCo2 = z
  .strictObject({
    ...lineBase,
    kind: z.literal('non-co2'),
    /** CH4, N2O, SF6, NF3, HFC-134a, … (GWP factor code). */
    gas: z.string().min(1),
    amount: qty(['t'], 'a mass of the gas'),
    source: z.string().optional(),
  })
  .describe('A non-CO2 greenhouse gas emitted, converted with the GWP set.');

const spend = z
  .strictObject({
    ...lineBase,
    kind: z.literal('spend'),
    amount: qty(['CNY', 'USD', 'EUR'], 'an amount of money'),
    /** Spend category (factor code, kind spend), e.g. "cement-raw-materials". */
    category: z.string().min(1),
    /** A supplier- or source-specific factor; otherwise the factor base is asked. */
    factor: qty(['tCO2e/CNY', 'tCO2e/USD', 'tCO2e/EUR'], 'CO2e per unit of money').optional(),
  })
  .describe('Scope 3 category 1 purchased goods and services, spend-based.');

export const inventoryLineSchema = z.discriminatedUnion('kind', [
  fuelCombustion,
  alternativeFuel,
  clinker,
  nonCarbonate,
  kilnDust,
  rawMeal,
  processEmission,
  electricityPurchased,
  simpleEnergy('electricity-exported'),
  electricityGenerated,
  heat('heat-purchased'),
  heat('heat-exported'),
  ccus,
  nonCo2,
  spend,
]);

export const inventorySchema = z.strictObject({
  /** Free text for people (the JSON Schema convention); ignored by the engine. */
  $comment: z.string().optional(),
  format: z.literal(INVENTORY_FORMAT),
  reporter: z.strictObject({
    name: z.string().min(1),
    /** Region code of the site: CN, CN-GX, … (regions of the factor base). */
    region: z.string().min(2),
    industry: z.string().optional(),
    creditCode: z.string().optional(),
  }),
  period: z.strictObject({
    year: z.number().int().min(1990).max(2100),
    /** Months the inventory covers; all twelve when omitted. */
    months: z.array(z.number().int().min(1).max(12)).min(1).optional(),
  }),
  /** Method-set id: cn-gbt32150-2015, cn-cement-2015, cn-cement-cets-2024, ghg-protocol. */
  method: z.string().min(1),
  options: z
    .strictObject({
      /** Grid-factor basis: average, excl-market-nonfossil, fossil, ets. */
      gridBasis: z.string().optional(),
      /** Region for the grid factor when the method does not fix it. */
      gridRegion: z.string().optional(),
      /** Year of the grid factor; defaults to the period year (latest not after it). */
      gridYear: z.number().int().optional(),
      gwp: z.enum(['AR4', 'AR5', 'AR6']).optional(),
      /** Residual-mix factor for market-based Scope 2 (GHG Protocol). */
      residualMix: qty(['tCO2/MWh'], 'CO2 per unit of electricity').optional(),
      /** Electricity 等价值 coefficient (generation coal rate), e.g. "0.3 kgce/kWh". */
      electricityEquivalentCoefficient: qty(
        ['kgce/kWh'],
        'standard coal per unit of electricity',
      ).optional(),
      /** Pin the fuel-property factor set. */
      fuelFactorSet: z.string().optional(),
      /** GHG Protocol: which Scope 2 figure enters the total (both are always reported). */
      scope2Total: z.enum(['location', 'market']).optional(),
    })
    .optional(),
  facilities: z
    .array(
      z.strictObject({
        id: z.string().regex(ID),
        name: z.string().min(1),
        region: z.string().optional(),
      }),
    )
    .optional(),
  /** Output figures for intensities. */
  production: z
    .strictObject({
      clinker: mass().optional(),
      cement: mass().optional(),
      outputValue: qty(['万CNY'], 'output value in money').optional(),
    })
    .optional(),
  lines: z.array(inventoryLineSchema).min(1),
});

export type Inventory = z.output<typeof inventorySchema>;
export type InventoryLine = z.output<typeof inventoryLineSchema>;
export type LineKind = InventoryLine['kind'];
export type LineOf<K extends LineKind> = Extract<InventoryLine, { kind: K }>;

export const LINE_KINDS: readonly LineKind[] = inventoryLineSchema.options.map(
  (o) => o.shape.kind.value,
);

/**
 * The JSON Schema of the format (draft 2020-12), generated from the zod schema so the two cannot
 * drift; docs/formats/inventory.schema.json is this output, checked by a test.
 */
export function inventoryJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(inventorySchema, { io: 'input', unrepresentable: 'any' });
  return {
    $schema: generated.$schema,
    $id: 'urn:carbonbase:format:inventory:v1',
    title: 'carbonbase.inventory/v1',
    description:
      'An enterprise GHG inventory for the carbonbase accounting engine: reporter, period, method set, facilities, production and activity lines. See docs/formats/inventory.md.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}
