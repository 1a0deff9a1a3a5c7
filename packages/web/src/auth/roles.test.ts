import { describe, expect, it } from 'vitest';
import type { RoleScope } from '../api/types.js';
import { homePage, mayEnterData, pagesFor } from './roles.js';

const as = (...roles: RoleScope['role'][]) => ({ roles: roles.map((role) => ({ role })) });

describe('navigation by role', () => {
  it('gives enterprise roles the enterprise pages and the factor library only', () => {
    for (const role of ['enterprise-manager', 'data-clerk', 'verifier'] as const)
      expect(pagesFor(as(role))).toEqual([
        'overview',
        'dataEntry',
        'results',
        'reports',
        'factors',
      ]);
    expect(homePage(as('data-clerk'))).toBe('overview');
  });

  it('adds the park overview for a park admin, and the region for the bureau and the admin', () => {
    expect(pagesFor(as('park-admin'))).toEqual([
      'park',
      'overview',
      'dataEntry',
      'results',
      'reports',
      'factors',
    ]);
    expect(homePage(as('park-admin'))).toBe('park');
    expect(pagesFor(as('regulator'))[0]).toBe('region');
    expect(pagesFor(as('platform-admin'))).toHaveLength(7);
  });

  it('joins the pages of several roles, in navigation order', () => {
    expect(pagesFor(as('verifier', 'park-admin'))).toEqual(pagesFor(as('park-admin')));
    expect(pagesFor({ roles: [] })).toEqual([]);
    expect(homePage({ roles: [] })).toBe('factors');
  });

  it('offers data entry only to the roles the API lets enter data', () => {
    expect(mayEnterData(as('data-clerk'))).toBe(true);
    expect(mayEnterData(as('enterprise-manager'))).toBe(true);
    expect(mayEnterData(as('platform-admin'))).toBe(true);
    expect(mayEnterData(as('verifier'))).toBe(false);
    expect(mayEnterData(as('park-admin'))).toBe(false);
    expect(mayEnterData(as('regulator'))).toBe(false);
  });
});
