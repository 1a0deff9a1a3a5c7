import { describe, expect, it } from 'vitest';
import { valueIn } from '@carbonbase/quantity';
import { FactorSetError, parseFactorSet, formatFactorRows, sha256 } from './index.js';
import { HEADER, fixtureSet } from '../test/fixtures.js';

const good = [
  HEADER,
  'bit.ncv,fuel-property,bituminous-coal,ncv,烟煤 低位发热量,Bituminous coal NCV,烟煤|bituminous coal,19.570,GJ/t,,CN,,,,,m,表C.1,,secondary,',
  'bit.cc,fuel-property,bituminous-coal,carbon-content,烟煤 单位热值含碳量,Bituminous coal carbon content,烟煤,26.1,tC/TJ,,CN,,,,,m,表C.1,,secondary,"printed as 10^-3 tC/GJ, i.e. tC/TJ"',
].join('\n');

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof FactorSetError) return e.issues;
    throw e;
  }
  throw new Error('expected a FactorSetError');
}

describe('parseFactorSet', () => {
  it('loads rows with provenance and canonical units', () => {
    const { manifest, files } = fixtureSet(good);
    const set = parseFactorSet(manifest, files);
    expect(set.records).toHaveLength(2);
    const [ncv, cc] = set.records;
    expect(ncv).toMatchObject({
      id: 'test-set/bit.ncv',
      version: '1.0',
      value: { value: 19.57, unit: 'GJ/t' },
      aliases: ['烟煤', 'bituminous coal'],
      source: {
        document: 'shared/methods.md',
        clause: '表C.1',
        url: 'https://example.org/methods',
      },
      licence: 'CC0-1.0',
      verification: 'secondary',
    });
    // The carbon-content trap: 26.1 tC/TJ is 0.0261 tC/GJ, not 0.261.
    expect(valueIn(cc!.value, 'tC/GJ')).toBeCloseTo(0.0261, 12);
  });

  it('refuses a row without a source or a unit, naming file, row and column', () => {
    const csv = [
      HEADER,
      'a,fuel-property,x,ncv,甲,A,,1,GJ/t,,CN,,,,,,,,secondary,',
      'b,fuel-property,x,ncv,乙,B,,1,,,CN,,,,,m,,,secondary,',
    ].join('\n');
    const { manifest, files } = fixtureSet(csv);
    const issues = issuesOf(() => parseFactorSet(manifest, files));
    expect(issues).toEqual([
      { file: 'factors.csv', row: 2, column: 'source', reason: 'required value is missing' },
      { file: 'factors.csv', row: 3, column: 'unit', reason: 'required value is missing' },
    ]);
  });

  it('reports every bad cell: unknown unit, bad number, kind, verification, region, source', () => {
    const csv = [HEADER, 'a,fuel-prop,x,ncv,甲,A,,1.2.3,furlong/t,,china,20x,,,,nope,,,sure,'].join(
      '\n',
    );
    const { manifest, files } = fixtureSet(csv);
    const columns = issuesOf(() => parseFactorSet(manifest, files)).map((i) => i.column);
    expect(new Set(columns)).toEqual(
      new Set(['kind', 'region', 'source', 'unit', 'value', 'verification', 'year']),
    );
    expect(columns).toHaveLength(7);
  });

  it('refuses a file whose checksum does not match the manifest', () => {
    const { manifest, files } = fixtureSet(good);
    const tampered = { 'factors.csv': good.replace('19.570', '19.571') };
    expect(() => parseFactorSet(manifest, tampered)).toThrow(/checksum mismatch/);
    expect(parseFactorSet(manifest, files).records).toHaveLength(2);
  });

  it('refuses duplicate ids and unknown columns', () => {
    const dup = [good, good.split('\n')[1]].join('\n');
    const { manifest, files } = fixtureSet(dup);
    expect(() => parseFactorSet(manifest, files)).toThrow(/duplicate id test-set\/bit.ncv/);
    const extra = fixtureSet(good.replace('notes', 'remark'));
    expect(issuesOf(() => parseFactorSet(extra.manifest, extra.files))).toContainEqual({
      file: 'factors.csv',
      row: 1,
      column: 'remark',
      reason: 'unknown column',
    });
  });

  it('checks the manifest', () => {
    const { files } = fixtureSet(good);
    expect(
      issuesOf(() => parseFactorSet('{"formatVersion":2}', files)).map((i) => i.column),
    ).toEqual(
      expect.arrayContaining(['formatVersion', 'id', 'version', 'licence', 'sources', 'files']),
    );
  });

  it('writes records back in the same format', () => {
    const { manifest, files } = fixtureSet(good);
    const set = parseFactorSet(manifest, files);
    const csv = formatFactorRows(set.records, () => 'm');
    const again = parseFactorSet(
      JSON.stringify({
        ...JSON.parse(manifest),
        files: [{ path: 'factors.csv', sha256: sha256(csv) }],
      }),
      { 'factors.csv': csv },
    );
    expect(again.records).toEqual(set.records);
  });
});
