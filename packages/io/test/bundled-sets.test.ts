import { describe, it, expect, beforeAll } from 'vitest';
import { loadFactorSetTree, bundledFactorSetsDir } from '@carbonbase/io';
import { valueIn } from '@carbonbase/quantity';
import type { FactorRecord, FactorSet } from '@carbonbase/factors';

// Spot checks type each number from shared/methods.md / methods-verification.md (section given),
// so a transcription error in a CSV fails here rather than in a customer's report.

let sets: FactorSet[] = [];
let records: FactorRecord[] = [];

beforeAll(async () => {
  sets = await loadFactorSetTree(bundledFactorSetsDir());
  records = sets.flatMap((s) => s.records);
});

function inSet(setId: string): readonly FactorRecord[] {
  const set = sets.find((s) => s.manifest.id === setId);
  expect(set, `bundled set ${setId}`).toBeDefined();
  return set!.records;
}

function one(setId: string, match: (r: FactorRecord) => boolean): FactorRecord {
  const found = inSet(setId).filter(match);
  expect(found, `exactly one match in ${setId}`).toHaveLength(1);
  return found[0]!;
}

const byCode = (code: string, parameter: string) => (r: FactorRecord) =>
  r.code === code && r.parameter === parameter;

describe('bundled factor sets', () => {
  it('all load, with checksums and rows accepted by the loader', () => {
    const ids = sets.map((s) => s.manifest.id).sort();
    expect(ids).toEqual(
      [
        'cn-cement-clinker-defaults-alt',
        'cn-cets-ag-02.01-2024-cement',
        'cn-gb16780-2021',
        'cn-gbt2589-standard-coal',
        'cn-gbt32151-2024-fuels',
        'cn-mee-electricity-heat',
        'cn-ndrc-2015-fuels',
        'csi-cement-protocol-v3',
        'eu-cbam-defaults',
        'ipcc-2006-cement',
        'ipcc-gwp',
      ].sort(),
    );
    for (const s of sets) expect(s.records.length, s.manifest.id).toBeGreaterThan(0);
  });

  it('record ids are unique across all sets', () => {
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every record carries one of the three verification marks and a source document', () => {
    for (const r of records) {
      expect(['verified', 'secondary', 'recalled'], r.id).toContain(r.verification);
      expect(r.source.document, r.id).not.toBe('');
    }
  });

  it('every carbon-content record is 0.010–0.080 tC/GJ (the 10^-3 tC/GJ unit trap)', () => {
    const cc = records.filter((r) => r.parameter === 'carbon-content');
    expect(cc.length).toBeGreaterThan(30);
    for (const r of cc) {
      const v = valueIn(r.value, 'tC/GJ');
      expect(v, r.id).toBeGreaterThanOrEqual(0.01);
      expect(v, r.id).toBeLessThanOrEqual(0.08);
    }
  });
});

describe('GB/T 32151.x 2024 fuel table (methods.md §1.3, A4)', () => {
  const set = 'cn-gbt32151-2024-fuels';

  it('bituminous coal: NCV 19.570 GJ/t, CC 0.0261 tC/GJ, oxidation 93 %', () => {
    const ncv = one(set, byCode('bituminous-coal', 'ncv'));
    const cc = one(set, byCode('bituminous-coal', 'carbon-content'));
    const of = one(set, byCode('bituminous-coal', 'oxidation'));
    expect(valueIn(ncv.value, 'GJ/t')).toBeCloseTo(19.57, 6);
    expect(valueIn(cc.value, 'tC/GJ')).toBeCloseTo(0.0261, 8);
    expect(valueIn(of.value, '%')).toBeCloseTo(93, 6);
    expect([ncv.verification, cc.verification, of.verification]).toEqual([
      'secondary',
      'secondary',
      'secondary',
    ]);
    // A4: EF = NCV × CC × OF × 44/12 = 1.742 tCO2/t.
    const ef =
      valueIn(ncv.value, 'GJ/t') * valueIn(cc.value, 'tC/GJ') * valueIn(of.value, '1') * (44 / 12);
    expect(ef).toBeCloseTo(1.742, 3);
  });

  it('natural gas NCV 389.31 GJ/万Nm3', () => {
    const r = one(set, byCode('natural-gas', 'ncv'));
    expect(valueIn(r.value, 'GJ/万Nm3')).toBeCloseTo(389.31, 6);
  });

  it('search by 烟煤 or bituminous finds the bituminous-coal rows', () => {
    for (const term of ['烟煤', 'bituminous coal']) {
      const hits = inSet(set).filter((r) => r.aliases.includes(term));
      expect(hits.map((r) => r.code)).toEqual([
        'bituminous-coal',
        'bituminous-coal',
        'bituminous-coal',
      ]);
    }
  });

  it('lignite NCV 11.9 stays recalled and names the 14.080 conflict', () => {
    const r = one(set, byCode('lignite', 'ncv'));
    expect(valueIn(r.value, 'GJ/t')).toBeCloseTo(11.9, 6);
    expect(r.verification).toBe('recalled');
    expect(r.notes).toContain('14.080');
  });
});

describe('NDRC-style 2015-era fuel table (methods-verification §4)', () => {
  const set = 'cn-ndrc-2015-fuels';

  it('lignite 14.080 GJ/t, kerosene 44.750 GJ/t (recalled, conflicts noted), 洗精煤 CC 25.40 tC/TJ', () => {
    const lignite = one(set, byCode('lignite', 'ncv'));
    expect(valueIn(lignite.value, 'GJ/t')).toBeCloseTo(14.08, 6);
    expect(lignite.verification).toBe('recalled');
    expect(lignite.notes).toContain('11.9');
    const kerosene = one(set, byCode('kerosene', 'ncv'));
    expect(valueIn(kerosene.value, 'GJ/t')).toBeCloseTo(44.75, 6);
    expect(kerosene.notes).toContain('43.070');
    const washed = one(set, byCode('washed-coal', 'carbon-content'));
    expect(valueIn(washed.value, 'tC/TJ')).toBeCloseTo(25.4, 6);
    expect(washed.notes).toContain('25.41');
  });

  it('COG 173.540 GJ/万Nm3, BFG CC 70.80 tC/TJ', () => {
    expect(valueIn(one(set, byCode('coke-oven-gas', 'ncv')).value, 'GJ/万Nm3')).toBeCloseTo(
      173.54,
      6,
    );
    expect(
      valueIn(one(set, byCode('blast-furnace-gas', 'carbon-content')).value, 'tC/GJ'),
    ).toBeCloseTo(0.0708, 8);
  });
});

describe('MEE/NBS electricity and heat factors (methods.md §3, methods-verification §6)', () => {
  const set = 'cn-mee-electricity-heat';

  it('华东 finds the East China grid; 2023 average 0.5500 tCO2/MWh', () => {
    const r = one(
      set,
      (x) => x.aliases.includes('华东') && x.year === 2023 && x.basis === 'average',
    );
    expect(r.region).toBe('CN-GRID-EAST');
    expect(valueIn(r.value, 'tCO2/MWh')).toBeCloseTo(0.55, 8);
    expect(r.verification).toBe('verified');
  });

  it('national 2023 on three bases: 0.5306 / 0.6096 / 0.8273', () => {
    const national = (basis: string) =>
      one(set, (x) => x.region === 'CN' && x.year === 2023 && x.basis === basis);
    expect(valueIn(national('average').value, 'tCO2/MWh')).toBeCloseTo(0.5306, 8);
    expect(valueIn(national('excl-market-nonfossil').value, 'tCO2/MWh')).toBeCloseTo(0.6096, 8);
    expect(valueIn(national('fossil').value, 'tCO2/MWh')).toBeCloseTo(0.8273, 8);
  });

  it('2021 excl.-market 0.5942 stays recalled', () => {
    const r = one(set, (x) => x.year === 2021 && x.basis === 'excl-market-nonfossil');
    expect(valueIn(r.value, 'tCO2/MWh')).toBeCloseTo(0.5942, 8);
    expect(r.verification).toBe('recalled');
  });

  it('ETS factors 0.5703 (2022, 环办气候函〔2023〕43号) and 0.6101 (2015)', () => {
    const ets2022 = one(set, (x) => x.basis === 'ets' && x.year === 2022);
    expect(valueIn(ets2022.value, 'tCO2/MWh')).toBeCloseTo(0.5703, 8);
    expect(ets2022.source.clause).toBe('环办气候函〔2023〕43号');
    const ets2015 = one(set, (x) => x.basis === 'ets' && x.year === 2015);
    expect(valueIn(ets2015.value, 'tCO2/MWh')).toBeCloseTo(0.6101, 8);
  });

  it('heat default 0.11 tCO2/GJ', () => {
    const r = one(set, (x) => x.kind === 'heat');
    expect(valueIn(r.value, 'tCO2/GJ')).toBeCloseTo(0.11, 8);
  });
});

describe('cement (methods.md §2.2, §2.3, §9; methods-verification §0 item 2)', () => {
  const cets = 'cn-cets-ag-02.01-2024-cement';
  const alt = 'cn-cement-clinker-defaults-alt';

  it('CETS-AG-02.01-V01-2024: Portland clinker 0.535 tCO2/t; 电石渣 deduction 0.480 tCO2/t', () => {
    const portland = one(cets, byCode('clinker.portland', 'ef'));
    expect(valueIn(portland.value, 'tCO2/t')).toBeCloseTo(0.535, 8);
    expect(portland.verification).toBe('secondary');
    const carbide = one(
      cets,
      (r) => r.kind === 'raw-material-deduction' && r.aliases.includes('电石渣'),
    );
    expect(carbide.code).toBe('altraw.carbide-slag');
    expect(valueIn(carbide.value, 'tCO2/t')).toBeCloseTo(0.48, 8);
    // A3: 1 000 000 t clinker, 50 000 t 电石渣, 20 000 t 钢渣 → 506 700 tCO2.
    const steel = one(cets, byCode('altraw.steel-slag', 'deduction'));
    const e =
      1_000_000 * valueIn(portland.value, 'tCO2/t') -
      50_000 * valueIn(carbide.value, 'tCO2/t') -
      20_000 * valueIn(steel.value, 'tCO2/t');
    expect(e).toBeCloseTo(506_700, 3);
  });

  it('both conflicting clinker default sets are bundled, each naming the conflict', () => {
    const expected: Record<string, [number, number]> = {
      'clinker.portland': [0.535, 0.5274],
      'clinker.white-portland': [0.55, 0.5479],
      'clinker.sulfoaluminate': [0.413, 0.3532],
      'clinker.aluminate': [0.292, 0.1981],
    };
    for (const [code, [main, other]] of Object.entries(expected)) {
      const a = one(cets, byCode(code, 'ef'));
      const b = one(alt, byCode(code, 'ef'));
      expect(valueIn(a.value, 'tCO2/t')).toBeCloseTo(main, 8);
      expect(valueIn(b.value, 'tCO2/t')).toBeCloseTo(other, 8);
      expect(b.verification).toBe('recalled');
      expect(a.notes).toMatch(/conflict/i);
      expect(b.notes).toMatch(/conflict/i);
      expect(a.notes).toContain(alt);
      expect(b.notes).toContain(cets);
    }
  });

  it('IPCC 2006 Tier 1 and CSI defaults', () => {
    const ipcc = 'ipcc-2006-cement';
    expect(valueIn(one(ipcc, byCode('clinker', 'ef')).value, 'tCO2/t')).toBeCloseTo(0.52, 8);
    expect(valueIn(one(ipcc, byCode('clinker', 'cao-fraction')).value, '%')).toBeCloseTo(65, 8);
    expect(valueIn(one(ipcc, byCode('cao', 'ef')).value, 'tCO2/t')).toBeCloseTo(0.785, 8);
    expect(valueIn(one(ipcc, byCode('ckd', 'correction-factor')).value, '1')).toBeCloseTo(1.02, 8);
    const csi = 'csi-cement-protocol-v3';
    expect(valueIn(one(csi, byCode('clinker', 'ef')).value, 'tCO2/t')).toBeCloseTo(0.525, 8);
    expect(valueIn(one(csi, byCode('raw-meal', 'toc')).value, '%')).toBeCloseTo(0.2, 8);
    expect(valueIn(one(csi, byCode('raw-meal', 'raw-meal-to-clinker')).value, '1')).toBeCloseTo(
      1.55,
      8,
    );
    expect(valueIn(one(csi, byCode('ckd', 'calcination-rate')).value, '%')).toBeCloseTo(100, 8);
  });
});

describe('energy: GB 16780-2021 and GB/T 2589 (methods.md §4, methods-verification §1)', () => {
  it('GB 16780 clinker comprehensive energy grade 3 = 117 kgce/t; correction coefficients', () => {
    const set = 'cn-gb16780-2021';
    const g3 = one(set, byCode('clinker.comprehensive-energy', 'grade-3'));
    expect(valueIn(g3.value, 'kgce/t')).toBeCloseTo(117, 8);
    // A6: clinker ratio 80 % → grade thresholds 85.50 / 92.75 / 100.0 kgce/t.
    const expected = [85.5, 92.75, 100];
    [1, 2, 3].forEach((g, i) => {
      const base = one(set, byCode('cement.comprehensive-energy', `grade-${g}`));
      const c = one(
        set,
        byCode('cement.comprehensive-energy', `clinker-ratio-correction-grade-${g}`),
      );
      const t = valueIn(base.value, 'kgce/t') + 5 * valueIn(c.value, 'kgce/t·%');
      expect(t).toBeCloseTo(expected[i]!, 6);
    });
  });

  it('GB/T 2589 electricity 0.1229 kgce/kWh (当量值, verified); 等价值 reference flagged', () => {
    const set = 'cn-gbt2589-standard-coal';
    const e = one(set, (r) => r.code === 'electricity' && r.basis === 'calorific');
    expect(valueIn(e.value, 'kgce/kWh')).toBeCloseTo(0.1229, 8);
    expect(e.verification).toBe('verified');
    const eq = one(set, (r) => r.code === 'electricity' && r.basis === 'equivalent');
    expect(valueIn(eq.value, 'kgce/kWh')).toBeCloseTo(0.404, 8);
    expect(eq.parameter).not.toBe('coefficient');
    expect(eq.notes).toMatch(/not a GB\/T 2589 coefficient/i);
    // A9: 10^7 kWh × 0.1229 + 14 000 t raw coal × 0.7143 = 11 229.2 tce.
    const coal = one(set, byCode('raw-coal', 'coefficient'));
    const tce =
      (1e7 * valueIn(e.value, 'kgce/kWh') + 14_000_000 * valueIn(coal.value, 'kgce/kg')) / 1000;
    expect(tce).toBeCloseTo(11_229.2, 1);
  });
});

describe('GWP and CBAM', () => {
  it('GWP-100: AR5 CH4 28, AR6 CH4 fossil 29.8 / non-fossil 27.0, AR4 SF6 22 800', () => {
    const set = 'ipcc-gwp';
    const gwp = (basis: string, code: string) =>
      valueIn(one(set, (r) => r.basis === basis && r.code === code).value, '1');
    expect(gwp('AR5', 'CH4')).toBe(28);
    expect(gwp('AR6', 'CH4-fossil')).toBeCloseTo(29.8, 8);
    expect(gwp('AR6', 'CH4-non-fossil')).toBeCloseTo(27.0, 8);
    expect(gwp('AR4', 'SF6')).toBe(22_800);
    for (const basis of ['AR4', 'AR5', 'AR6']) expect(gwp(basis, 'CO2')).toBe(1);
  });

  it('CBAM China 2523 90 00 route (B) 1.29 + 0.18; mark-up 30 % in 2028; CBAM factor 2030 51.5 %', () => {
    const set = 'eu-cbam-defaults';
    const direct = one(set, byCode('2523-90-00.route-b', 'see-direct'));
    expect(direct.region).toBe('CN');
    expect(valueIn(direct.value, 'tCO2e/t')).toBeCloseTo(1.29, 8);
    expect(
      valueIn(one(set, byCode('2523-90-00.route-b', 'see-indirect')).value, 'tCO2e/t'),
    ).toBeCloseTo(0.18, 8);
    const markup = one(set, (r) => r.parameter === 'markup' && r.year === 2028);
    expect(valueIn(markup.value, '%')).toBe(30);
    const factor = one(set, (r) => r.parameter === 'cbam-factor' && r.year === 2030);
    expect(valueIn(factor.value, '%')).toBe(51.5);
    expect(factor.region).toBe('EU');
  });
});
