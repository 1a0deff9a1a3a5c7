import type { Citation } from '../explain/types.js';
import { CAO_TO_CO2_CN, MGO_TO_CO2_CN } from './constants.js';
import type { MethodSet } from './method-set.js';

const cite = (clause: string, verification: Citation['verification'] = 'secondary'): Citation => ({
  standard: 'GB/T 32151.8-2015; NDRC 2013 水泥 guideline (发改办气候〔2013〕2526号 附件8)',
  clause: `${clause} (clause number not verified)`,
  verification,
});

/**
 * GB/T 32151.8-2015 / NDRC 2013 cement guideline, enterprise inventory (methods.md §2.1; scope V,
 * formulas V-sec): CO2 only; fuel combustion incl. the fossil part of alternative fuels; process CO2
 * by the output method from clinker CaO/MgO, plus kiln dust and raw-meal organic carbon; purchased
 * electricity and heat, minus exported. Non-carbonate raw-material deductions are a CETS 2024
 * device and are left out here (the output method already nets out non-carbonate CaO/MgO).
 */
export const cnCement2015: MethodSet = {
  id: 'cn-cement-2015',
  version: '1.0.0',
  aliases: ['gbt32151.8-2015', 'ndrc-cement-2013'],
  name: '水泥生产企业温室气体排放核算（GB/T 32151.8-2015 / 国家发改委2013指南）',
  nameEn: 'Cement enterprises: GB/T 32151.8-2015 and the NDRC 2013 cement guideline',
  standards: [
    {
      id: 'GB/T 32151.8-2015',
      title: '温室气体排放核算与报告要求 第8部分：水泥生产企业',
      issuer: 'SAC / AQSIQ',
      year: 2015,
      verification: 'verified',
      url: 'http://www.tanjiaoyi.com/article-13965-9.html',
    },
    {
      id: '发改办气候〔2013〕2526号 附件8',
      title: '中国水泥生产企业温室气体排放核算方法与报告指南（试行）',
      issuer: 'NDRC',
      year: 2013,
      verification: 'verified',
      url: 'http://www.huanjing100.com/d-3345.html',
    },
    {
      id: 'WBCSD CSI Cement CO2 and Energy Protocol v3.0',
      title: 'CKD calcination correction and TOC default',
      issuer: 'WBCSD CSI',
      year: 2011,
      verification: 'verified',
    },
  ],
  kinds: {
    'fuel-combustion': {
      scope: 'scope1',
      sign: 1,
      citation: cite('化石燃料燃烧排放 fossil fuel combustion', 'verified'),
    },
    'alternative-fuel': {
      scope: 'scope1',
      sign: 1,
      citation: cite('替代燃料和废弃物中非生物质碳的燃烧排放 fossil carbon of alternative fuels'),
    },
    clinker: {
      scope: 'scope1',
      sign: 1,
      citation: cite('原料碳酸盐分解排放 E_raw = Q_cli × EF_cli', 'verified'),
    },
    'kiln-dust': {
      scope: 'scope1',
      sign: 1,
      citation: cite('窑头粉尘和旁路放风粉尘 E_dust = Q_dust × EF_cli'),
    },
    'raw-meal-organic-carbon': {
      scope: 'scope1',
      sign: 1,
      citation: cite('生料中非燃料碳煅烧 E_TOC = Q_rm × FR_TOC × 44/12'),
    },
    'process-emission': {
      scope: 'scope1',
      sign: 1,
      citation: cite('其他过程排放 other process emissions'),
    },
    'electricity-purchased': {
      scope: 'scope2',
      sign: 1,
      citation: cite('净购入电力 purchased electricity', 'verified'),
    },
    'heat-purchased': {
      scope: 'scope2',
      sign: 1,
      citation: cite('净购入热力 purchased heat', 'verified'),
    },
    'electricity-exported': {
      scope: 'exported',
      sign: -1,
      citation: cite('输出电力（扣减） exported electricity, deducted', 'verified'),
    },
    'heat-exported': {
      scope: 'exported',
      sign: -1,
      citation: cite('输出热力（扣减） exported heat, deducted', 'verified'),
    },
    ccus: { scope: 'ccus', sign: -1, citation: cite('not deducted by this method') },
  },
  excludedReason:
    'GB/T 32151.8-2015 covers CO2 only (no non-CO2 gases), has no non-carbonate raw-material deduction (the output method nets out non-carbonate CaO/MgO instead) and no Scope 3',
  clinker: 'output',
  stoichiometry: { cao: CAO_TO_CO2_CN, mgo: MGO_TO_CO2_CN },
  fuelSets: ['cn-ndrc-2015-fuels', 'cn-gbt32151-2024-fuels'],
  processSets: [],
  grid: {
    region: 'site',
    basis: 'average',
    citation: {
      standard: 'NDRC 2013 first-batch guidelines',
      clause: 'latest official regional grid factor for net purchased electricity',
      verification: 'secondary',
    },
  },
  gwp: 'AR5',
  contracts: 'ignored',
  clinkerBoundary: false,
  ccusDeducted: [],
  ccusCondition:
    'GB/T 32151.8-2015 / NDRC 2013 水泥指南 has no CO2 recovery term in the verified scope: captured CO2 is reported as a memo item and not deducted',
  rounding: {
    decimals: 2,
    rule: '报告中排放量以 tCO2 为单位保留两位小数 reported in tCO2 with two decimals (report-template convention, R)',
  },
  formulas: {
    'fuel-combustion': cite('E_燃烧 = Σ FC_i × NCV_i × CC_i × OF_i × 44/12'),
    'alternative-fuel': cite('E_替代 = Σ Q_i × HV_i × EF_i × α_i (α = fossil carbon share)'),
    'clinker-output': cite(
      'EF_cli = (FR_CaO − FR_CaO,nc) × 44/56 + (FR_MgO − FR_MgO,nc) × 44/40; E = Q_cli × EF_cli',
    ),
    'clinker-default': cite('not used by this method'),
    'non-carbonate-deduction': cite('not used by this method'),
    'kiln-dust': cite('E_dust = Q_dust × EF_cli (CSI CKD correction for calcination d < 100 %)'),
    'raw-meal-organic-carbon': cite('E_TOC = Q_rm × FR_TOC × 44/12'),
    'process-emission': cite('E = AD × EF'),
    electricity: cite('E_电 = AD × EF_grid'),
    heat: cite('E_热 = AD × EF_heat'),
    ccus: cite('memo only'),
    'non-co2': cite('not covered'),
    spend: cite('not covered'),
    'electricity-generated': cite('not an emission source'),
    total: cite('E = E_燃烧 + E_替代 + E_过程 + E_电 + E_热 − E_输出', 'verified'),
  },
};
