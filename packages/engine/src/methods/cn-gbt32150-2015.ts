import type { Citation } from '../explain/types.js';
import { CAO_TO_CO2_CN, MGO_TO_CO2_CN } from './constants.js';
import type { MethodSet } from './method-set.js';

const std = 'GB/T 32150-2015 工业企业温室气体排放核算和报告通则';
/** Clause numbers of the 2015 edition were not seen in a source; the terms are (methods.md §1.1). */
const cite = (clause: string, verification: Citation['verification'] = 'secondary'): Citation => ({
  standard: 'GB/T 32150-2015',
  clause: `${clause} (clause number not verified)`,
  verification,
});

/**
 * GB/T 32150-2015, general industrial enterprises: fuel combustion, process, purchased electricity
 * and heat, minus exported electricity and heat; biomass CO2 reported separately; CCUS recovery
 * deducted when the CO2 leaves the boundary (stored or used outside), as the 工业其他行业 guideline
 * form R = Q × PUR × 19.77 does (methods.md §1.2, R).
 */
export const cnGbt32150_2015: MethodSet = {
  id: 'cn-gbt32150-2015',
  version: '1.0.0',
  aliases: ['gbt32150-2015', 'GB/T 32150-2015'],
  name: '工业企业温室气体排放核算和报告通则（GB/T 32150-2015）',
  nameEn: 'GB/T 32150-2015 general rules for industrial enterprises',
  standards: [
    {
      id: 'GB/T 32150-2015',
      title: std,
      issuer: 'SAC / AQSIQ',
      year: 2015,
      verification: 'verified',
      url: 'http://tanjiaoyi.com/article-13965-1.html',
    },
    {
      id: 'GB/T 32151.x-2024 附录C',
      title:
        '常用化石燃料相关参数的缺省值 (fuel defaults, believed identical to GB/T 32150-2015 附录B)',
      issuer: 'SAMR / SAC',
      year: 2024,
      verification: 'secondary',
    },
  ],
  kinds: {
    'fuel-combustion': { scope: 'scope1', sign: 1, citation: cite('燃料燃烧排放 fuel combustion') },
    'alternative-fuel': {
      scope: 'scope1',
      sign: 1,
      citation: cite('燃料燃烧排放; 生物质 CO2 单独报告 biomass reported separately', 'verified'),
    },
    'process-emission': { scope: 'scope1', sign: 1, citation: cite('过程排放 process emissions') },
    'non-co2': {
      scope: 'scope1',
      sign: 1,
      citation: cite('温室气体种类 CO2, CH4, N2O, HFCs, PFCs, SF6, NF3 × GWP', 'verified'),
    },
    'electricity-purchased': {
      scope: 'scope2',
      sign: 1,
      citation: cite('购入电力产生的排放 purchased electricity'),
    },
    'heat-purchased': {
      scope: 'scope2',
      sign: 1,
      citation: cite('购入热力产生的排放 purchased heat'),
    },
    'electricity-exported': {
      scope: 'exported',
      sign: -1,
      citation: cite('输出电力产生的排放（扣减） exported electricity, deducted', 'verified'),
    },
    'heat-exported': {
      scope: 'exported',
      sign: -1,
      citation: cite('输出热力产生的排放（扣减） exported heat, deducted', 'verified'),
    },
    ccus: {
      scope: 'ccus',
      sign: -1,
      citation: {
        standard: 'NDRC 工业其他行业 guideline (2015); GB/T 32150-2015 总量公式',
        clause: 'R_回收 = Q × PUR × 19.77',
        verification: 'recalled',
      },
    },
  },
  excludedReason:
    'GB/T 32150-2015 is the general rule; cement process lines belong to GB/T 32151.8 (use cn-cement-2015), and Scope 3 spend is not part of a Chinese enterprise inventory',
  clinker: 'output',
  stoichiometry: { cao: CAO_TO_CO2_CN, mgo: MGO_TO_CO2_CN },
  fuelSets: ['cn-gbt32151-2024-fuels', 'cn-ndrc-2015-fuels'],
  processSets: [],
  grid: {
    region: 'site',
    basis: 'average',
    citation: {
      standard: 'MEE/NBS 电力二氧化碳排放因子 announcements',
      clause: 'latest applicable official average factor for the site region',
      verification: 'verified',
    },
  },
  gwp: 'AR5',
  contracts: 'ignored',
  clinkerBoundary: false,
  ccusDeducted: ['geological-storage', 'used-outside'],
  ccusCondition:
    '回收且输出边界外（封存或外供利用）的 CO2 予以扣减；边界内自用不扣减 — CO2 deducted only when it leaves the boundary (geological storage or supplied for use outside); used inside the boundary is not deducted (R: guideline wording not verified)',
  rounding: {
    decimals: 2,
    rule: '报告中排放量以 tCO2 为单位保留两位小数 reported in tCO2 with two decimals (report-template convention, R)',
  },
  formulas: {
    'fuel-combustion': cite('燃料燃烧排放 E = Σ AD_i × EF_i, AD = FC × NCV, EF = CC × OF × 44/12'),
    'alternative-fuel': cite('燃料燃烧排放, 化石部分计入 fossil part counted'),
    'clinker-output': cite('过程排放 process emissions'),
    'clinker-default': cite('过程排放 process emissions'),
    'non-carbonate-deduction': cite('过程排放 process emissions'),
    'kiln-dust': cite('过程排放 process emissions'),
    'raw-meal-organic-carbon': cite('过程排放 process emissions'),
    'process-emission': cite('过程排放 E = AD × EF'),
    electricity: cite('购入/输出电力 E = AD × EF_grid'),
    heat: cite('购入/输出热力 E = AD × EF_heat'),
    ccus: {
      standard: 'NDRC 工业其他行业 guideline (2015)',
      clause: 'R = Q × PUR × 19.77',
      verification: 'recalled',
    },
    'non-co2': cite('GWP 折算 CO2e = m × GWP'),
    spend: cite('not covered'),
    'electricity-generated': cite('not an emission source'),
    total: cite(
      'E = E_燃烧 + E_过程 + E_购入电 + E_购入热 − E_输出电 − E_输出热 − R_回收',
      'verified',
    ),
  },
};
