import { quantity, type Quantity } from '@carbonbase/quantity';
import type { Citation } from '../explain/types.js';

/**
 * Constants written into the methods themselves (stoichiometry and guideline defaults). Factor
 * tables that change between editions live in the factor base, not here; what stays here is what
 * a formula fixes, each with its source and confidence mark (shared/methods.md, -verification.md).
 */
export interface MethodConstant {
  readonly id: string;
  readonly symbol: string;
  readonly name: string;
  readonly value: Quantity;
  readonly citation: Citation;
}

const c = (
  id: string,
  symbol: string,
  name: string,
  value: Quantity,
  citation: Citation,
): MethodConstant => ({ id, symbol, name, value, citation });

/** Carbon to CO2, 44/12: the molar-mass ratio in every combustion formula (methods.md §1.2). */
export const CO2_PER_CARBON = c(
  'co2-per-carbon',
  '44/12',
  '碳转二氧化碳 CO2 per carbon (molar masses)',
  quantity(44 / 12, 'tCO2/tC'),
  {
    standard: 'stoichiometry (GB/T 32150-2015 fuel formula)',
    clause: 'EF = CC × OF × 44/12',
    verification: 'secondary',
  },
);

/** GWP of CO2 is 1 by definition; it is the explicit step from tCO2 to tCO2e. */
export const GWP_CO2 = c(
  'gwp-co2',
  'GWP_CO2',
  '二氧化碳全球增温潜势 GWP of CO2',
  quantity(1, 'tCO2e/tCO2'),
  {
    standard: 'IPCC (all assessment reports)',
    clause: 'GWP of CO2 = 1 by definition',
    verification: 'verified',
  },
);

/** NDRC / GB form with rounded molar masses: 44/56 and 44/40 (methods.md §2.1, V-sec). */
export const CAO_TO_CO2_CN = c(
  'cao-to-co2-cn',
  '44/56',
  'CaO 分解系数 CO2 per CaO',
  quantity(44 / 56, 'tCO2/t'),
  {
    standard: 'GB/T 32151.8-2015; NDRC 2013 cement guideline',
    clause: '熟料对应的碳酸盐分解排放 EF_clinker formula (clause number not verified)',
    verification: 'secondary',
  },
);
export const MGO_TO_CO2_CN = c(
  'mgo-to-co2-cn',
  '44/40',
  'MgO 分解系数 CO2 per MgO',
  quantity(44 / 40, 'tCO2/t'),
  {
    standard: 'GB/T 32151.8-2015; NDRC 2013 cement guideline',
    clause: '熟料对应的碳酸盐分解排放 EF_clinker formula (clause number not verified)',
    verification: 'secondary',
  },
);

/** IPCC / CSI stoichiometric factors 0.785 and 1.092 (methods.md §2.3, §9). */
export const CAO_TO_CO2_IPCC = c(
  'cao-to-co2-ipcc',
  'EF_CaO',
  'CaO 分解系数 CO2 per CaO (IPCC)',
  quantity(0.785, 'tCO2/t'),
  {
    standard: 'IPCC 2006 GL Vol.3 Ch.2; WBCSD CSI Cement CO2 Protocol v3.0',
    clause: 'Tier 2 / output method B1 (stoichiometric 44.01/56.08)',
    verification: 'verified',
  },
);
export const MGO_TO_CO2_IPCC = c(
  'mgo-to-co2-ipcc',
  'EF_MgO',
  'MgO 分解系数 CO2 per MgO (IPCC)',
  quantity(1.092, 'tCO2/t'),
  {
    standard: 'IPCC 2006 GL Vol.3 Ch.2; WBCSD CSI Cement CO2 Protocol v3.0',
    clause: 'stoichiometric 44.01/40.30 (computed)',
    verification: 'secondary',
  },
);

/** CSI default clinker calcination factor when CaO/MgO are not measured (methods.md §2.3, V). */
export const CSI_CLINKER_DEFAULT = c(
  'csi-clinker-default',
  'EF_cli',
  'CSI 熟料缺省排放因子 CSI default clinker factor',
  quantity(0.525, 'tCO2/t'),
  {
    standard: 'WBCSD CSI Cement CO2 and Energy Protocol v3.0 (2011)',
    clause: 'default calcination EF',
    verification: 'verified',
  },
);

/** CSI default raw-meal organic carbon, 0.2 % (dry) (methods.md §2.1, §2.3, V). */
export const CSI_TOC_DEFAULT = c(
  'csi-toc-default',
  'FR_TOC',
  '生料有机碳缺省值 default raw-meal TOC',
  quantity(0.2, '%'),
  {
    standard: 'WBCSD CSI Cement CO2 and Energy Protocol v3.0 (2011)',
    clause: 'default TOC of raw meal (the NDRC default value is not verified)',
    verification: 'verified',
  },
);

/** Alternative fuels are assumed fully oxidised when no rate is given (CSI convention; R). */
export const ALT_FUEL_OXIDATION = c(
  'alt-fuel-oxidation',
  'OF',
  '替代燃料碳氧化率 oxidation of alternative fuels',
  quantity(100, '%'),
  {
    standard: 'WBCSD CSI Cement CO2 and Energy Protocol v3.0 (2011)',
    clause: 'full oxidation assumed',
    verification: 'recalled',
  },
);

/** Steam: AD = Ma × (En − 83.74) × 10^-3 GJ (NDRC guideline convention, methods.md §1.2, R). */
export const STEAM_REFERENCE_ENTHALPY = c(
  'steam-reference-enthalpy',
  '83.74',
  '给水焓 reference enthalpy of feed water',
  quantity(83.74, 'kJ/kg'),
  {
    standard: 'NDRC 2013–2015 enterprise GHG guidelines',
    clause: '蒸汽热量 steam heat formula',
    verification: 'recalled',
  },
);

/** CO2 density at standard conditions 1.977 kg/Nm3 = 19.77 tCO2/10^4 Nm3 (methods.md §1.2). */
export const CO2_DENSITY = c(
  'co2-density',
  'ρ_CO2',
  '二氧化碳密度 CO2 density (STP)',
  quantity(19.77, 'tCO2/万Nm3'),
  {
    standard: 'NDRC 工业其他行业 guideline (2015)',
    clause: 'CO2 回收利用量 R = Q × PUR × 19.77',
    verification: 'recalled',
  },
);

/** Calorific conversion of GB/T 2589: 1 kgce = 29 307.6 kJ, held by the unit registry (tce). */
export const CALORIFIC_TCE: Citation = {
  standard: 'GB/T 2589-2020',
  clause: '1 kgce = 29 307.6 kJ (registry unit tce)',
  verification: 'recalled',
};
