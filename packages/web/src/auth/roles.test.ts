import { describe, expect, it } from 'vitest';
import type { RoleScope } from '../api/types.js';
import { homePage, mayEnterData, pagesFor } from './roles.js';

const as = (...roles: RoleScope['role'][]) => ({ roles: roles.map((role) => ({ role })) });

describe('navigation by role', () => {
  it('gives a clerk the enterprise pages and the factor library only', () => {
    expect(pagesFor(as('data-clerk'))).toEqual([
      'overview',
      'dataEntry',
      'results',
      'reports',
      'factors',
    ]);
    expect(homePage(as('data-clerk'))).toBe('overview');
  });

  it('adds footprints and evaluations for a verifier, and the planning pages for a manager', () => {
    expect(pagesFor(as('verifier'))).toEqual([
      'overview',
      'dataEntry',
      'results',
      'reports',
      'footprint',
      'evaluations',
      'factors',
    ]);
    expect(pagesFor(as('enterprise-manager'))).toEqual([
      'overview',
      'dataEntry',
      'results',
      'reports',
      'footprint',
      'evaluations',
      'macc',
      'optimizer',
      'pathways',
      'factors',
    ]);
  });

  it('adds the park overview for a park admin, and the region for the bureau and the admin', () => {
    expect(pagesFor(as('park-admin'))).toEqual([
      'park',
      'overview',
      'dataEntry',
      'results',
      'reports',
      'footprint',
      'evaluations',
      'macc',
      'optimizer',
      'pathways',
      'factors',
    ]);
    expect(homePage(as('park-admin'))).toBe('park');
    expect(pagesFor(as('regulator'))[0]).toBe('region');
    expect(pagesFor(as('platform-admin'))).toHaveLength(12);
  });

  it('joins the pages of several roles, in navigation order', () => {
    expect(pagesFor(as('verifier', 'park-admin'))).toEqual(pagesFor(as('park-admin')));
    expect(pagesFor(as('data-clerk', 'verifier'))).toEqual(pagesFor(as('verifier')));
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
