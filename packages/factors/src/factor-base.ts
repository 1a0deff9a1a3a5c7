import { describeRegion, getRegion, regionChain } from './regions.js';
import {
  factorRef,
  type FactorKind,
  type FactorRecord,
  type FactorSet,
  type Verification,
} from './record.js';

export interface FactorQuery {
  readonly code: string;
  readonly parameter: string;
  /** Region of the site; resolution widens it step by step (default CN). */
  readonly region?: string;
  /** Reporting year: the latest data year not after it is used. Omitted: the latest there is. */
  readonly year?: number;
  /** Published basis (grid: average, excl-market-nonfossil, fossil, ets; GWP: AR5 …). */
  readonly basis?: string;
  readonly kind?: FactorKind;
  /** Pin a factor set (and optionally its version): nothing outside it is considered. */
  readonly set?: string;
  readonly version?: string;
  /** Sets to prefer, most preferred first, when several sets offer a value for the same place and year. */
  readonly preferSets?: readonly string[];
}

export interface Resolution {
  readonly record: FactorRecord;
  /** `id@version` of the chosen record. */
  readonly ref: string;
  /** Why this record: one line per decision, in Chinese and English. */
  readonly reasons: readonly string[];
  /** How many records matched code and parameter before the rule chose. */
  readonly considered: number;
}

/** Why resolution found nothing: callers word their own messages from this. */
export type NotFoundReason = 'unknown-code' | 'pinned-set' | 'basis' | 'nothing-usable';

export class FactorNotFoundError extends Error {
  constructor(
    readonly query: FactorQuery,
    readonly reason: NotFoundReason,
    detail: string,
  ) {
    super(
      `未找到因子 no factor for ${query.code} ${query.parameter}` +
        `${query.region ? ` in ${query.region}` : ''}${query.year ? ` for ${query.year}` : ''}: ${detail}`,
    );
    this.name = 'FactorNotFoundError';
  }
}

const VERIFICATION_RANK: Record<Verification, number> = { verified: 0, secondary: 1, recalled: 2 };

function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Is the record usable in the reporting year, judged by its validity dates and data year? */
function usableIn(r: FactorRecord, year: number | undefined): boolean {
  if (year === undefined) return true;
  if (r.validFrom && Number(r.validFrom.slice(0, 4)) > year) return false;
  if (r.validTo && Number(r.validTo.slice(0, 4)) < year) return false;
  return r.year === undefined || r.year <= year;
}

export interface SearchOptions {
  readonly region?: string;
  readonly year?: number;
  readonly kind?: FactorKind;
  readonly set?: string;
  readonly limit?: number;
}

export interface SetSummary {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly nameEn: string;
  readonly publisher: string;
  readonly licence: string;
  readonly released: string;
  readonly records: number;
}

const normalize = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[-_/]+/g, ' ');

/**
 * The factor base: every loaded factor set, with lookup by id, rule-based resolution and search.
 * Pure and in memory; the store and the CLI decide where the sets come from.
 */
export class FactorBase {
  private readonly records: FactorRecord[];
  private readonly byId = new Map<string, FactorRecord[]>();
  private readonly byCode = new Map<string, FactorRecord[]>();
  private readonly searchText = new Map<FactorRecord, string>();

  constructor(readonly sets: readonly FactorSet[]) {
    this.records = sets.flatMap((s) => s.records);
    for (const r of this.records) {
      push(this.byId, r.id, r);
      push(this.byCode, `${r.code}\u0000${r.parameter}`, r);
      const region = getRegion(r.region);
      this.searchText.set(
        r,
        normalize(
          [
            r.id,
            r.code,
            r.parameter,
            r.kind,
            r.name,
            r.nameEn,
            ...r.aliases,
            r.region,
            region?.name ?? '',
            region?.nameEn ?? '',
            ...(region?.aliases ?? []),
            r.gas ?? '',
            r.basis ?? '',
            r.set,
          ].join('\n'),
        ),
      );
    }
    for (const list of this.byId.values())
      list.sort((a, b) => compareVersions(b.version, a.version));
  }

  all(): readonly FactorRecord[] {
    return this.records;
  }

  /** A record by `id` (its latest loaded version) or by `id@version`. */
  get(ref: string): FactorRecord | undefined {
    const at = ref.lastIndexOf('@');
    const id = at > 0 ? ref.slice(0, at) : ref;
    const list = this.byId.get(id);
    if (!list) return undefined;
    return at > 0 ? list.find((r) => r.version === ref.slice(at + 1)) : list[0];
  }

  summaries(): SetSummary[] {
    return this.sets.map((s) => ({
      id: s.manifest.id,
      version: s.manifest.version,
      name: s.manifest.name,
      nameEn: s.manifest.nameEn,
      publisher: s.manifest.publisher,
      licence: s.manifest.licence,
      released: s.manifest.released,
      records: s.records.length,
    }));
  }

  /**
   * Chooses one record by the documented rule (docs/factor-resolution.md):
   * 1. code and parameter match; a pinned set (and version) excludes all others;
   * 2. basis: the one asked for; if none is asked, records without a basis or with `average`;
   * 3. region: the most specific region in the chain site → grid region → CN → GLOBAL that has a
   *    usable record;
   * 4. year: the latest data year not after the reporting year (validity dates respected);
   * 5. ties: preferred sets in the order given, then better verification, then newer set version.
   */
  resolve(query: FactorQuery): Resolution {
    const reasons: string[] = [];
    let candidates = this.byCode.get(`${query.code}\u0000${query.parameter}`) ?? [];
    const considered = candidates.length;
    if (!candidates.length)
      throw new FactorNotFoundError(query, 'unknown-code', 'no record has this code and parameter');
    if (query.kind) candidates = candidates.filter((r) => r.kind === query.kind);
    if (query.set) {
      candidates = candidates.filter(
        (r) => r.set === query.set && (!query.version || r.version === query.version),
      );
      if (!candidates.length)
        throw new FactorNotFoundError(
          query,
          'pinned-set',
          `pinned set ${query.set}${query.version ? `@${query.version}` : ''} has no such record`,
        );
      reasons.push(
        `固定因子集 pinned set: ${query.set}${query.version ? `@${query.version}` : ''}`,
      );
    }
    if (query.basis) {
      candidates = candidates.filter((r) => r.basis === query.basis);
      if (!candidates.length)
        throw new FactorNotFoundError(query, 'basis', `no record on basis ${query.basis}`);
      reasons.push(`口径 basis: ${query.basis}`);
    } else {
      const bases = new Set(candidates.map((r) => r.basis));
      if (bases.size > 1 || (bases.size === 1 && !bases.has(undefined) && !bases.has('average'))) {
        const plain = candidates.filter((r) => r.basis === undefined || r.basis === 'average');
        if (!plain.length)
          throw new FactorNotFoundError(
            query,
            'basis',
            `several bases exist (${[...bases].join(', ')}); name one`,
          );
        candidates = plain;
        reasons.push('口径 basis: 平均 average (no basis asked; other bases left aside)');
      }
    }
    const chain = regionChain(query.region ?? 'CN');
    const skipped: string[] = [];
    for (const region of chain) {
      const here = candidates.filter((r) => r.region === region);
      const usable = here.filter((r) => usableIn(r, query.year));
      if (!usable.length) {
        if (here.length) skipped.push(`${region} (only later years: ${years(here)})`);
        else skipped.push(region);
        continue;
      }
      reasons.push(
        `地区 region: ${describeRegion(region)}` +
          (skipped.length ? `; 更具体的地区无可用值 none usable in ${skipped.join(', ')}` : '') +
          `; 顺序 order ${chain.join(' → ')}`,
      );
      const latestYear = Math.max(...usable.map((r) => r.year ?? -Infinity));
      let pick = usable;
      if (Number.isFinite(latestYear)) {
        pick = usable.filter((r) => r.year === latestYear);
        reasons.push(
          query.year !== undefined
            ? `年份 year: ${latestYear}, 不晚于报告年 the latest not after reporting year ${query.year}`
            : `年份 year: ${latestYear}, 最新 the latest available`,
        );
      }
      const prefer = query.preferSets ?? [];
      const rank = (r: FactorRecord) => {
        const i = prefer.indexOf(r.set);
        return i === -1 ? prefer.length : i;
      };
      pick = [...pick].sort(
        (a, b) =>
          rank(a) - rank(b) ||
          VERIFICATION_RANK[a.verification] - VERIFICATION_RANK[b.verification] ||
          compareVersions(b.version, a.version) ||
          a.id.localeCompare(b.id),
      );
      const record = pick[0]!;
      if (pick.length > 1) {
        const others = pick.slice(1).map(factorRef).join(', ');
        reasons.push(
          `并列取舍 tie broken by set preference, verification (${record.verification}), version: also ${others}`,
        );
      }
      return { record, ref: factorRef(record), reasons, considered };
    }
    throw new FactorNotFoundError(
      query,
      'nothing-usable',
      `nothing usable in ${chain.join(' → ')}`,
    );
  }

  /**
   * Finds records by words in Chinese or English (name, alias, code, id, kind, region names, gas,
   * set), every word must match; filters narrow by region (the site's chain), year, kind and set.
   */
  search(text: string, options: SearchOptions = {}): FactorRecord[] {
    const words = normalize(text).split(/\s+/).filter(Boolean);
    const chain = options.region ? new Set(regionChain(options.region)) : undefined;
    const scored: { r: FactorRecord; score: number }[] = [];
    for (const r of this.records) {
      if (options.kind && r.kind !== options.kind) continue;
      if (options.set && r.set !== options.set) continue;
      if (chain && !chain.has(r.region)) continue;
      if (options.year !== undefined) {
        if (r.year !== undefined ? r.year !== options.year : !usableIn(r, options.year)) continue;
      }
      const hay = this.searchText.get(r)!;
      if (!words.every((w) => hay.includes(w))) continue;
      scored.push({ r, score: score(r, words) });
    }
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        VERIFICATION_RANK[a.r.verification] - VERIFICATION_RANK[b.r.verification] ||
        a.r.id.localeCompare(b.r.id),
    );
    const found = scored.map((s) => s.r);
    return options.limit !== undefined ? found.slice(0, options.limit) : found;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function years(records: readonly FactorRecord[]): string {
  return [...new Set(records.map((r) => r.year).filter((y) => y !== undefined))].join(', ');
}

/** Exact name or alias hits rank above partial ones; names rank above notes-like fields. */
function score(r: FactorRecord, words: readonly string[]): number {
  const names = [r.name, r.nameEn, ...r.aliases, r.code].map(normalize);
  let s = 0;
  for (const w of words) {
    if (names.some((n) => n === w)) s += 10;
    else if (names.some((n) => n.startsWith(w))) s += 5;
    else if (names.some((n) => n.includes(w))) s += 3;
    else s += 1;
  }
  return s;
}
