import type { Role, User } from '../api/types.js';

/** The pages of the dashboard, in the order of the side navigation. */
export const PAGES = [
  'region',
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
] as const;
export type PageKey = (typeof PAGES)[number];

export const PAGE_PATHS: Readonly<Record<PageKey, string>> = {
  region: '/region',
  park: '/park',
  overview: '/overview',
  dataEntry: '/data-entry',
  results: '/results',
  reports: '/reports',
  footprint: '/footprint',
  evaluations: '/evaluations',
  macc: '/macc',
  optimizer: '/optimizer',
  pathways: '/pathways',
  factors: '/factors',
};

const ENTERPRISE_PAGES: readonly PageKey[] = ['overview', 'dataEntry', 'results', 'reports'];
/** Analysis and planning: read-only over the scope, open to every role that has an overview. */
const ANALYSIS_PAGES: readonly PageKey[] = [
  'footprint',
  'evaluations',
  'macc',
  'optimizer',
  'pathways',
];

/**
 * The pages each role opens. Everyone reads the factor library and the enterprise pages of the
 * enterprises in their scope (the API decides which); a park administrator adds the park
 * overview, the bureau (regulator) the region and park overviews, the platform admin all.
 */
const ROLE_PAGES: Readonly<Record<Role, readonly PageKey[]>> = {
  'platform-admin': PAGES,
  regulator: ['region', 'park', ...ENTERPRISE_PAGES, ...ANALYSIS_PAGES, 'factors'],
  'park-admin': ['park', ...ENTERPRISE_PAGES, ...ANALYSIS_PAGES, 'factors'],
  'enterprise-manager': [...ENTERPRISE_PAGES, ...ANALYSIS_PAGES, 'factors'],
  'data-clerk': [...ENTERPRISE_PAGES, 'factors'],
  verifier: [...ENTERPRISE_PAGES, 'footprint', 'evaluations', 'factors'],
};

/** The pages a user may open, in navigation order: the union over the user's roles. */
export function pagesFor(user: Pick<User, 'roles'>): PageKey[] {
  const allowed = new Set(user.roles.flatMap((r) => ROLE_PAGES[r.role]));
  return PAGES.filter((p) => allowed.has(p));
}

/** Where a user lands after login: the widest overview the role has. */
export function homePage(user: Pick<User, 'roles'>): PageKey {
  return pagesFor(user)[0] ?? 'factors';
}

/** Roles that may enter activity data and calculate (packages/app/src/access.ts). */
const ENTERING: readonly Role[] = ['platform-admin', 'enterprise-manager', 'data-clerk'];

/**
 * Whether the form and the import are offered. The API checks it again per enterprise; this only
 * spares a user a form whose every save would be refused.
 */
export function mayEnterData(user: Pick<User, 'roles'>): boolean {
  return user.roles.some((r) => ENTERING.includes(r.role));
}
