import type { Citation } from '../explain/types.js';
import { CAO_TO_CO2_IPCC, MGO_TO_CO2_IPCC } from './constants.js';
import type { MethodSet } from './method-set.js';

// Chapter references are recalled, not checked against the PDFs in this project's research (R).
const corporate = (clause: string): Citation => ({
  standard: 'GHG Protocol Corporate Standard (revised 2004)',
  clause,
  verification: 'recalled',
});
const scope2 = (clause: string): Citation => ({
  standard: 'GHG Protocol Scope 2 Guidance (2015)',
  clause,
  verification: 'recalled',
});
const scope3 = (clause: string): Citation => ({
  standard:
    'GHG Protocol Scope 3 Standard (2011); Technical Guidance for Calculating Scope 3 Emissions',
  clause,
  verification: 'recalled',
});
const csi = (clause: string): Citation => ({
  standard: 'WBCSD CSI Cement CO2 and Energy Protocol v3.0 (2011)',
  clause,
  verification: 'verified',
});

/**
 * GHG Protocol: Scope 1, Scope 2 location- and market-based (dual reporting), Scope 3 category 1
 * spend-based. Biomass CO2 is reported outside the scopes. Exported energy is not netted off
 * (the Corporate Standard has no such deduction; it is a memo item). CO2 captured and stored
 * geologically is not emitted and so is deducted from Scope 1; CO2 transferred for use is a memo
 * item, since it may be released again.
 */
export const ghgProtocol: MethodSet = {
  id: 'ghg-protocol',
  version: '1.0.0',
  aliases: ['ghgp', 'ghg-protocol-corporate'],
  name: '温室气体核算体系（GHG Protocol）范围一、二、三',
  nameEn: 'GHG Protocol: Scope 1, Scope 2 (location and market), Scope 3 category 1',
  standards: [
    {
      id: 'GHG Protocol Corporate Standard',
      title: 'A Corporate Accounting and Reporting Standard, revised edition',
      issuer: 'WRI / WBCSD',
      year: 2004,
      verification: 'recalled',
    },
    {
      id: 'GHG Protocol Scope 2 Guidance',
      title: 'Scope 2 Guidance: an amendment to the Corporate Standard',
      issuer: 'WRI / WBCSD',
      year: 2015,
      verification: 'recalled',
    },
    {
      id: 'GHG Protocol Scope 3 Standard',
      title: 'Corporate Value Chain (Scope 3) Accounting and Reporting Standard',
      issuer: 'WRI / WBCSD',
      year: 2011,
      verification: 'recalled',
    },
    {
      id: 'WBCSD CSI Cement CO2 and Energy Protocol v3.0',
      title: 'cement process emissions (sector tool)',
      issuer: 'WBCSD CSI',
      year: 2011,
      verification: 'verified',
    },
  ],
  kinds: {
    'fuel-combustion': {
      scope: 'scope1',
      sign: 1,
      citation: corporate('ch. 4 Scope 1: stationary combustion'),
    },
    'alternative-fuel': {
      scope: 'scope1',
      sign: 1,
      citation: corporate('ch. 4 / ch. 9: biomass CO2 reported separately from the scopes'),
    },
    clinker: {
      scope: 'scope1',
      sign: 1,
      citation: csi('output method B1 (clinker CaO/MgO), CSI default 0.525 otherwise'),
    },
    'kiln-dust': { scope: 'scope1', sign: 1, citation: csi('CKD and bypass dust') },
    'raw-meal-organic-carbon': {
      scope: 'scope1',
      sign: 1,
      citation: csi('organic carbon in raw meal'),
    },
    'process-emission': {
      scope: 'scope1',
      sign: 1,
      citation: corporate('ch. 4 Scope 1: process emissions'),
    },
    'non-co2': {
      scope: 'scope1',
      sign: 1,
      citation: corporate('ch. 4 Scope 1: seven Kyoto gases × GWP'),
    },
    'electricity-purchased': {
      scope: 'scope2',
      sign: 1,
      citation: scope2('ch. 6: location-based and market-based methods (dual reporting)'),
    },
    'heat-purchased': {
      scope: 'scope2',
      sign: 1,
      citation: scope2('ch. 6: purchased heat and steam'),
    },
    ccus: {
      scope: 'ccus',
      sign: -1,
      citation: corporate(
        'ch. 9: captured and stored CO2 (geological storage deducted; transfers as memo)',
      ),
    },
    spend: {
      scope: 'scope3',
      sign: 1,
      citation: scope3('category 1 purchased goods and services, spend-based method'),
    },
  },
  memoKinds: {
    kinds: ['electricity-exported', 'heat-exported'],
    reason: 'GHG Protocol: exported energy is not netted off the scopes; reported as a memo item',
  },
  excludedReason:
    'the GHG Protocol does not net exported electricity or heat, nor deduct non-carbonate raw materials; these are reported as memo items',
  clinker: 'output-else-default',
  stoichiometry: { cao: CAO_TO_CO2_IPCC, mgo: MGO_TO_CO2_IPCC },
  fuelSets: ['cn-gbt32151-2024-fuels', 'cn-ndrc-2015-fuels'],
  processSets: [],
  grid: {
    region: 'site',
    basis: 'average',
    citation: scope2('ch. 6 location-based: grid-average factor of the location'),
  },
  gwp: 'AR5',
  contracts: 'market-based',
  clinkerBoundary: false,
  ccusDeducted: ['geological-storage'],
  ccusCondition:
    'CO2 captured and stored geologically is not emitted and is deducted from Scope 1; CO2 transferred for use (inside or outside) is reported as a memo item (Corporate Standard ch. 9, R)',
  rounding: { decimals: 0, rule: 'whole tonnes CO2e in reports; full precision kept in data (R)' },
  formulas: {
    'fuel-combustion': corporate('E = fuel × NCV × CC × OF × 44/12 (national default fuel data)'),
    'alternative-fuel': corporate(
      'E_fossil = Q × NCV × EF × (1 − biomass share); biomass CO2 outside scopes',
    ),
    'clinker-output': csi('EF_cli = (CaO − CaO_nc) × 0.785 + (MgO − MgO_nc) × 1.092'),
    'clinker-default': csi('EF_cli = 0.525 tCO2/t clinker (default)'),
    'non-carbonate-deduction': csi('not used'),
    'kiln-dust': csi('E_CKD = Q × (EF/(1+EF)) × d / (1 − EF/(1+EF) × d); E_bypass = Q × EF'),
    'raw-meal-organic-carbon': csi('E_TOC = Q_rm × TOC × 44/12'),
    'process-emission': corporate('E = AD × EF'),
    electricity: scope2(
      'location: E = MWh × EF_grid; market: Σ contract MWh × EF_contract + rest × residual mix',
    ),
    heat: scope2('E = GJ × EF_heat'),
    ccus: corporate('ch. 9'),
    'non-co2': corporate('CO2e = m × GWP100'),
    spend: scope3('category 1: E = spend × EEIO factor'),
    'electricity-generated': corporate('not an emission source'),
    total: corporate(
      'Scope 1 + Scope 2 (location or market, as chosen) + Scope 3; biomass outside scopes',
    ),
  },
};
