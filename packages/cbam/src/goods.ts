/**
 * CBAM goods of the cement sector (CBAM Regulation (EU) 2023/956 Annex I; methods.md §8, V).
 * This is classification, not numbers: which CN codes exist, which are simple or complex goods,
 * and which precursors a complex good may consume. Default values live in the factor base.
 */
export const CEMENT_GOODS = [
  {
    cn: '2523 10 00',
    name: '水泥熟料',
    nameEn: 'Cement clinker',
    category: 'cement-clinker',
    kind: 'simple',
    precursors: [],
  },
  {
    cn: '2523 21 00',
    name: '白色硅酸盐水泥',
    nameEn: 'White Portland cement',
    category: 'cement',
    kind: 'complex',
    precursors: ['2523 10 00', '2507 00 80'],
  },
  {
    cn: '2523 29 00',
    name: '其他硅酸盐水泥（灰色）',
    nameEn: 'Other (grey) Portland cement',
    category: 'cement',
    kind: 'complex',
    precursors: ['2523 10 00', '2507 00 80'],
  },
  {
    cn: '2523 30 00',
    name: '铝酸盐水泥',
    nameEn: 'Aluminous cement',
    category: 'aluminous-cement',
    kind: 'simple',
    precursors: [],
  },
  {
    cn: '2523 90 00',
    name: '其他水硬性水泥',
    nameEn: 'Other hydraulic cements',
    category: 'cement',
    kind: 'complex',
    precursors: ['2523 10 00', '2507 00 80'],
  },
  {
    cn: '2507 00 80',
    name: '煅烧黏土',
    nameEn: 'Calcined clays',
    category: 'calcined-clay',
    kind: 'simple',
    precursors: [],
  },
] as const;

export type CnCode = (typeof CEMENT_GOODS)[number]['cn'];
export type CementGood = (typeof CEMENT_GOODS)[number];

/**
 * The sector whose mark-up applies to these goods: the factor base keys mark-ups by sector
 * (`markup.cement.<year>`, code `cement`), because fertilisers carry a different one.
 */
export const CEMENT_SECTOR = 'cement';

export function isCnCode(code: string): code is CnCode {
  return CEMENT_GOODS.some((g) => g.cn === code);
}

/** Accepts "2523 29 00", "25232900" or "2523-29-00" and returns the spaced form. */
export function normalizeCn(code: string): CnCode | undefined {
  const digits = code.replace(/[\s-]/g, '');
  if (!/^\d{8}$/.test(digits)) return undefined;
  const spaced = `${digits.slice(0, 4)} ${digits.slice(4, 6)} ${digits.slice(6, 8)}`;
  return isCnCode(spaced) ? spaced : undefined;
}

export function goodOf(cn: CnCode): CementGood {
  const g = CEMENT_GOODS.find((x) => x.cn === cn);
  if (!g) throw new Error(`not a CBAM cement good: ${cn}`);
  return g;
}

/** The subject code of a good's default-value rows: `2523-10-00.route-a`, `2523-29-00.default`. */
export function defaultValueCode(cn: CnCode, route: string | undefined): string {
  const stem = cn.replace(/ /g, '-');
  return route === undefined ? `${stem}.default` : `${stem}.route-${route.toLowerCase()}`;
}
