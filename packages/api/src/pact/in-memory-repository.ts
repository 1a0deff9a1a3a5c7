import type { ProductFootprintInput } from '@carbonbase/pact';
import { matchesCriteria } from './criteria.js';
import type { FootprintListQuery, FootprintPage, PactFootprintRepository } from './repository.js';

/** Footprints held in memory, listed in creation order (then id) so pages are stable. */
export class InMemoryPactRepository implements PactFootprintRepository {
  readonly #items: ProductFootprintInput[];

  constructor(items: readonly ProductFootprintInput[] = []) {
    this.#items = [...items].sort(
      (a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id),
    );
  }

  list(query: FootprintListQuery): Promise<FootprintPage> {
    const matching = this.#items.filter((fp) => matchesCriteria(fp, query.criteria));
    return Promise.resolve({
      items: matching.slice(query.offset, query.offset + query.limit),
      total: matching.length,
    });
  }

  get(id: string): Promise<ProductFootprintInput | undefined> {
    return Promise.resolve(this.#items.find((fp) => fp.id === id));
  }
}
