import { describe, expect, it } from 'vitest';
import { listRegions } from '@carbonbase/factors';
import { REGIONS } from '../src/regions/regions.js';

// The web keeps a copy of the region table (it may import only types from other packages);
// this keeps the copy honest until the API serves regions.
describe('web region names', () => {
  it('match the factor base region table', () => {
    expect(REGIONS.map(({ code, name, nameEn }) => ({ code, name, nameEn }))).toEqual(
      listRegions().map(({ code, name, nameEn }) => ({ code, name, nameEn })),
    );
  });
});
