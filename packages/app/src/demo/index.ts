export {
  DEMO_ENTERPRISES,
  DEMO_PARKS,
  DEMO_PASSWORD,
  DEMO_PROBLEM,
  DEMO_REGIONS,
  DEMO_USERS,
  DEMO_YEARS,
} from './district.js';
export type {
  DemoCell,
  DemoEnterprise,
  DemoPollutant,
  DemoSource,
  DemoUser,
  ParkKey,
} from './district.js';
export { DEMO_REASON, DEMO_RECORDED_BY, demoActivity, demoMonths, seedDemo } from './seed.js';
export type { DemoSeedReport } from './seed.js';
