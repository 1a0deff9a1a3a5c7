/**
 * OEFDB `activity_unit` → unit expression of our registry (packages/quantity/src/units.json).
 * Kept as data so that supporting a new unit is one line here (plus the unit in the registry).
 * `currency` marks spend-based rows (kind `spend`). Units absent from this table — the cloud
 * computing units `TB-hour`, `GB-hour`, `CPU-hour` and `GB` of the 2022-05 snapshot — are
 * rejected with the unit named: they measure data and compute, which the registry does not hold.
 */
export const OEFDB_UNITS: Readonly<
  Record<string, { readonly unit: string; readonly currency?: true }>
> = {
  kWh: { unit: 'kWh' },
  GJ: { unit: 'GJ' },
  MMBTU: { unit: 'MMBtu' },
  kg: { unit: 'kg' },
  tonne: { unit: 't' },
  'short ton': { unit: 'ston' },
  L: { unit: 'L' },
  m3: { unit: 'm3' },
  'gal (US)': { unit: 'USgal' },
  // EPA standard cubic foot: 60 °F and 14.7 psia (40 CFR 98.6), converted to Nm3 in the registry.
  scf: { unit: 'scf' },
  km: { unit: 'km' },
  mile: { unit: 'mile' },
  'tonne-km': { unit: 't·km' },
  // US freight statistics count short tons.
  'ton-mile': { unit: 'ston·mile' },
  'passenger-km': { unit: 'passenger·km' },
  'passenger-mile': { unit: 'passenger·mile' },
  'person-night': { unit: 'person·night' },
  USD: { unit: 'USD', currency: true },
  EUR: { unit: 'EUR', currency: true },
  GBP: { unit: 'GBP', currency: true },
};
