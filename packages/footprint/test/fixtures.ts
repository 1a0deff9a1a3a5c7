import type { Exchange, GwpSet, ProductSystemData } from '../src/index.js';

/** A small GWP-100 set for tests: IPCC AR5 WG1 ch. 8, Table 8.A.1 (CO2 1, CH4 28, N2O 265). */
export const AR5_TEST_SET: GwpSet = {
  id: 'test-ipcc-ar5-gwp100',
  version: '1',
  source: 'IPCC AR5 WG1 ch. 8, Table 8.A.1 (GWP-100, no climate–carbon feedback)',
  factors: [
    {
      gas: 'CO2',
      value: { value: 1, unit: 'kgCO2e/kg' },
      ref: 'ar5/CO2',
      names: ['carbon dioxide, fossil'],
    },
    { gas: 'CH4', value: { value: 28, unit: 'kgCO2e/kg' }, ref: 'ar5/CH4', names: ['methane'] },
  ],
};

export const ex = (
  flowId: string,
  direction: Exchange['direction'],
  value: number,
  unit: string,
  extra: Partial<Exchange> = {},
): Exchange => ({ flowId, direction, amount: { value, unit }, ...extra });

/**
 * Three processes, one loop and one self-loop, a cut-off, a co-product and a unit conversion:
 *   kiln:  1 kg clinker ← 0.12 kg coal, 0.36 MJ electricity (= 0.1 kWh), 0.001 kg refractory (no
 *          provider); emits 0.8 kg CO2
 *   mine:  1 kg coal ← 0.05 kWh electricity; emits 0.005 kg CH4
 *   power: 1 kWh electricity ← 0.4 kg coal, 0.05 kWh electricity (own losses); co-product 0.5 MJ
 *          heat; emits 0.9 kg CO2
 */
export const CLINKER_SYSTEM: ProductSystemData = {
  flows: [
    { id: 'clinker', name: 'Clinker', kind: 'product', unit: 'kg' },
    { id: 'coal', name: 'Coal', kind: 'product', unit: 'kg' },
    { id: 'elec', name: 'Electricity', kind: 'product', unit: 'kWh' },
    { id: 'heat', name: 'Heat', kind: 'product', unit: 'MJ' },
    { id: 'refractory', name: 'Refractory', kind: 'product', unit: 'kg' },
    {
      id: 'co2',
      name: 'Carbon dioxide, fossil',
      kind: 'elementary',
      unit: 'kg',
      compartment: 'air/unspecified',
    },
    {
      id: 'ch4',
      name: 'Methane ',
      kind: 'elementary',
      unit: 'kg',
      compartment: 'air/low population density',
    },
  ],
  processes: [
    {
      id: 'kiln',
      name: 'Clinker kiln',
      referenceFlowId: 'clinker',
      exchanges: [
        ex('clinker', 'output', 1, 'kg'),
        ex('coal', 'input', 0.12, 'kg'),
        ex('elec', 'input', 0.36, 'MJ'),
        ex('refractory', 'input', 0.001, 'kg'),
        ex('co2', 'output', 0.8, 'kg'),
      ],
    },
    {
      id: 'mine',
      name: 'Coal mine',
      referenceFlowId: 'coal',
      exchanges: [
        ex('coal', 'output', 1, 'kg'),
        ex('elec', 'input', 0.05, 'kWh'),
        ex('ch4', 'output', 0.005, 'kg'),
      ],
    },
    {
      id: 'power',
      name: 'Power plant',
      referenceFlowId: 'elec',
      exchanges: [
        ex('elec', 'output', 1, 'kWh'),
        ex('coal', 'input', 0.4, 'kg'),
        ex('elec', 'input', 0.05, 'kWh'),
        ex('heat', 'output', 0.5, 'MJ'),
        ex('co2', 'output', 0.9, 'kg'),
      ],
    },
  ],
};
