import type { Citation } from '../explain/types.js';
import { CAO_TO_CO2_CN, MGO_TO_CO2_CN } from './constants.js';
import type { MethodSet } from './method-set.js';

const cite = (clause: string, verification: Citation['verification'] = 'secondary'): Citation => ({
  standard: 'CETS-AG-02.01-V01-2024 企业温室气体排放核算与报告指南 水泥行业',
  clause: `${clause} (clause number not verified)`,
  verification,
});

/**
 * MEE national-ETS cement guideline CETS-AG-02.01-V01-2024, issued 2024-09-13 (methods-verification
 * §0.1, V). Process CO2 = clinker × default factor by clinker type − Σ non-carbonate raw material ×
 * deduction factor (V-sec). Two boundaries: the clinker-production boundary (direct emissions of the
 * clinker lines, the ETS compliance figure) and the enterprise. Which clinker default set the
 * official text carries (0.535… vs 0.5274…) is unresolved (R): the factor base decides, the
 * explanation names the record.
 */
export const cnCementCets2024: MethodSet = {
  id: 'cn-cement-cets-2024',
  version: '1.0.0',
  aliases: ['cn-cement-mee-2025', 'cets-ag-02.01-v01-2024'],
  name: '企业温室气体排放核算与报告指南 水泥行业（CETS-AG-02.01-V01-2024）',
  nameEn: 'MEE national ETS cement guideline CETS-AG-02.01-V01-2024',
  standards: [
    {
      id: 'CETS-AG-02.01-V01-2024',
      title: '企业温室气体排放核算与报告指南 水泥行业',
      issuer: 'MEE 生态环境部办公厅',
      year: 2024,
      verification: 'verified',
      url: 'https://m.mysteel.com/a/24091811/17F90CF18A3A0D42_abc.html',
    },
    {
      id: 'CETS-VG-02.01-V01-2024',
      title: '企业温室气体排放核查技术指南 水泥行业',
      issuer: 'MEE 生态环境部办公厅',
      year: 2024,
      verification: 'verified',
    },
  ],
  kinds: {
    'fuel-combustion': {
      scope: 'scope1',
      sign: 1,
      citation: cite('化石燃料燃烧排放 fossil fuel combustion'),
    },
    'alternative-fuel': {
      scope: 'scope1',
      sign: 1,
      citation: cite('替代燃料中化石碳 fossil carbon of alternative fuels', 'recalled'),
    },
    clinker: { scope: 'scope1', sign: 1, citation: cite('熟料生产过程排放 E = Q_cli × EF_type') },
    'non-carbonate-raw-material': {
      scope: 'scope1',
      sign: -1,
      citation: cite('非碳酸盐替代原料扣减 − Q_j × D_j'),
    },
    'process-emission': {
      scope: 'scope1',
      sign: 1,
      citation: cite('其他过程排放 other process emissions', 'recalled'),
    },
    'electricity-purchased': {
      scope: 'scope2',
      sign: 1,
      citation: cite('购入电力（企业层级） purchased electricity, enterprise level', 'recalled'),
    },
    'heat-purchased': {
      scope: 'scope2',
      sign: 1,
      citation: cite('购入热力（企业层级） purchased heat, enterprise level', 'recalled'),
    },
    'electricity-exported': {
      scope: 'exported',
      sign: -1,
      citation: cite('输出电力（扣减） exported electricity, deducted', 'recalled'),
    },
    'heat-exported': {
      scope: 'exported',
      sign: -1,
      citation: cite('输出热力（扣减） exported heat, deducted', 'recalled'),
    },
    ccus: { scope: 'ccus', sign: -1, citation: cite('not deducted by this method', 'recalled') },
  },
  excludedReason:
    'CETS-AG-02.01-V01-2024 uses default clinker factors by type with non-carbonate deductions; kiln dust and raw-meal organic carbon are not separate terms of that method (as far as the V-sec sources show), and non-CO2 gases and Scope 3 are outside it',
  clinker: 'default-factor',
  stoichiometry: { cao: CAO_TO_CO2_CN, mgo: MGO_TO_CO2_CN },
  fuelSets: ['cn-gbt32151-2024-fuels', 'cn-ndrc-2015-fuels'],
  processSets: ['cn-cets-ag-02.01-2024-cement'],
  grid: {
    region: 'national',
    basis: 'average',
    citation: {
      standard: 'CETS-AG-02.01-V01-2024; MEE/NBS 电力二氧化碳排放因子',
      clause: 'national grid average factor, latest published (R)',
      verification: 'recalled',
    },
  },
  gwp: 'AR5',
  contracts: 'ignored',
  clinkerBoundary: true,
  ccusDeducted: [],
  ccusCondition:
    'No CCUS deduction is known in CETS-AG-02.01-V01-2024 (R): captured CO2 is reported as a memo item and not deducted',
  rounding: {
    decimals: 2,
    rule: '全国碳市场填报以 tCO2 为单位 reported in tCO2, two decimals shown (填报说明 convention, R)',
  },
  formulas: {
    'fuel-combustion': cite('E_燃烧 = Σ FC_i × NCV_i × CC_i × OF_i × 44/12'),
    'alternative-fuel': cite('E_替代 = Σ Q_i × NCV_i × EF_i × (1 − biomass share)', 'recalled'),
    'clinker-output': cite('not used by this method'),
    'clinker-default': cite('E_过程 = Σ Q_cli × EF_type − Σ Q_j × D_j'),
    'non-carbonate-deduction': cite('E_扣减 = Q_j × D_j'),
    'kiln-dust': cite('not a separate term'),
    'raw-meal-organic-carbon': cite('not a separate term'),
    'process-emission': cite('E = AD × EF', 'recalled'),
    electricity: cite('E_电 = AD × EF_grid', 'recalled'),
    heat: cite('E_热 = AD × 0.11 tCO2/GJ', 'verified'),
    ccus: cite('memo only', 'recalled'),
    'non-co2': cite('not covered'),
    spend: cite('not covered'),
    'electricity-generated': cite('not an emission source'),
    total: cite('熟料生产边界 = 燃烧 + 过程（熟料边界内）; 企业层级 = 全部'),
  },
};
