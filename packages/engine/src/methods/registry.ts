import { cnCement2015 } from './cn-cement-2015.js';
import { cnCementCets2024 } from './cn-cement-cets-2024.js';
import { cnGbt32150_2015 } from './cn-gbt32150-2015.js';
import { ghgProtocol } from './ghg-protocol.js';
import type { MethodSet } from './method-set.js';

export const METHOD_SETS: readonly MethodSet[] = [
  cnGbt32150_2015,
  cnCement2015,
  cnCementCets2024,
  ghgProtocol,
];

export class UnknownMethodError extends Error {
  constructor(readonly method: string) {
    super(
      `未知核算方法 unknown method set "${method}"; known: ` +
        METHOD_SETS.map((m) => [m.id, ...m.aliases].join(' / ')).join(', '),
    );
    this.name = 'UnknownMethodError';
  }
}

/** The method set by id or alias (e.g. `cn-cement-mee-2025` → `cn-cement-cets-2024`). */
export function getMethodSet(id: string): MethodSet {
  const m = METHOD_SETS.find((s) => s.id === id || s.aliases.includes(id));
  if (!m) throw new UnknownMethodError(id);
  return m;
}
