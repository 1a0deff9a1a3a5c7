import data from './regions.json' with { type: 'json' };

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly parent: string | null;
  readonly aliases?: readonly string[];
}

const regions = new Map<string, Region>(data.regions.map((r) => [r.code, r as Region]));

export function getRegion(code: string): Region | undefined {
  return regions.get(code);
}

export function listRegions(): Region[] {
  return [...regions.values()];
}

/**
 * The order in which resolution widens a region: CN-GX → CN-GRID-SOUTH → CN → GLOBAL. A code the
 * table does not know (a foreign country from an imported set) widens straight to GLOBAL.
 */
export function regionChain(code: string): string[] {
  const chain: string[] = [];
  let current: string | null = code;
  while (current !== null && !chain.includes(current)) {
    chain.push(current);
    current = regions.get(current)?.parent ?? (current === 'GLOBAL' ? null : 'GLOBAL');
  }
  return chain;
}

/** Names a region for people: "广西 Guangxi (CN-GX)". */
export function describeRegion(code: string): string {
  const r = regions.get(code);
  return r ? `${r.name} ${r.nameEn} (${code})` : code;
}
