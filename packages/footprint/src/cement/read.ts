import { compatible, parseQuantity, quantity, type Quantity } from '@carbonbase/quantity';

/** One problem in a footprint input document, with the path of the field. */
export interface FootprintIssue {
  readonly path: string;
  readonly message: string;
}

/** A footprint input document (inputs or background set) that cannot be used; lists every issue. */
export class FootprintDocumentError extends Error {
  constructor(
    readonly document: string,
    readonly issues: readonly FootprintIssue[],
  ) {
    super(
      `${document}: ${issues.length} 处错误 error(s)\n` +
        issues.map((i) => `  ${i.path}: ${i.message}`).join('\n'),
    );
    this.name = 'FootprintDocumentError';
  }
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads fields of a parsed YAML/JSON document, collecting issues instead of stopping at the first. */
export class Reader {
  readonly issues: FootprintIssue[] = [];

  fail(path: string, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  obj(v: unknown, path: string): Obj | undefined {
    return isObj(v) ? v : this.fail(path, '应为对象 expected an object');
  }

  str(o: Obj, key: string, path: string, optional = false): string | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (typeof v === 'string' && v.trim() !== '') return v;
    return this.fail(`${path}.${key}`, '应为非空文本 expected a non-empty string');
  }

  oneOf<T extends string>(
    o: Obj,
    key: string,
    path: string,
    allowed: readonly T[],
    optional = false,
  ): T | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if ((allowed as readonly unknown[]).includes(v)) return v as T;
    return this.fail(`${path}.${key}`, `应为 expected one of ${allowed.join(', ')}`);
  }

  /**
   * "72000 t" or {value, unit}, whose unit must measure the same as `like`; a bare number is
   * refused (it has no unit).
   */
  qty(o: Obj, key: string, path: string, like: string, optional = false): Quantity | undefined {
    const v = o[key];
    const p = `${path}.${key}`;
    if (v === undefined && optional) return undefined;
    let q: Quantity | undefined;
    try {
      if (typeof v === 'string') q = parseQuantity(v);
      else if (isObj(v) && typeof v.value === 'number' && typeof v.unit === 'string')
        q = quantity(v.value, v.unit);
    } catch (e) {
      return this.fail(p, (e as Error).message);
    }
    if (!q) return this.fail(p, `数量需带单位 expected a quantity such as "1 ${like}"`);
    if (!compatible(q.unit, like))
      return this.fail(p, `量纲不符 wrong dimension: "${q.unit}" does not measure ${like}`);
    return q;
  }

  list<T>(o: Obj, key: string, path: string, each: (v: Obj, p: string) => T | undefined): T[] {
    const v = o[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) return this.fail(`${path}.${key}`, '应为列表 expected a list') ?? [];
    const out: T[] = [];
    v.forEach((item, i) => {
      const p = `${path}.${key}[${i}]`;
      const x = this.obj(item, p);
      const r = x && each(x, p);
      if (r !== undefined) out.push(r);
    });
    return out;
  }
}
