import { compatible, parseQuantity, type Quantity } from '@carbonbase/quantity';
import { MARKS, type Mark, type Provenance, type SourceRef } from './provenance.js';

/** A data file (indicator system, measure library) that does not match its documented schema. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly string[],
  ) {
    super(
      `${file}: ${issues.length} problem(s)\n` +
        issues
          .slice(0, 20)
          .map((i) => `  ${i}`)
          .join('\n'),
    );
    this.name = 'DataFileError';
  }
}

/**
 * Reads untyped JSON with the location of every problem. Readers collect issues instead of
 * throwing at the first one, so a data author sees every mistake in one run.
 */
export class Reader {
  readonly issues: string[] = [];

  bad(path: string, reason: string): void {
    this.issues.push(`${path}: ${reason}`);
  }

  object(v: unknown, path: string): Record<string, unknown> {
    if (typeof v === 'object' && v !== null && !Array.isArray(v))
      return v as Record<string, unknown>;
    this.bad(path, 'expected an object');
    return {};
  }

  array(v: unknown, path: string): unknown[] {
    if (Array.isArray(v)) return v;
    this.bad(path, 'expected an array');
    return [];
  }

  text(v: unknown, path: string): string {
    if (typeof v === 'string' && v.trim() !== '') return v;
    this.bad(path, 'expected non-empty text');
    return '';
  }

  optionalText(v: unknown, path: string): string | undefined {
    return v === undefined ? undefined : this.text(v, path);
  }

  number(v: unknown, path: string): number {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.bad(path, 'expected a finite number');
    return 0;
  }

  boolean(v: unknown, path: string): boolean {
    if (typeof v === 'boolean') return v;
    this.bad(path, 'expected true or false');
    return false;
  }

  oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.bad(path, `expected one of ${allowed.join(', ')}`);
    return allowed[0] as T;
  }

  /** A quantity written as text, e.g. "117 kgce/t"; a bare number is refused. */
  quantity(v: unknown, path: string): Quantity {
    if (typeof v !== 'string') {
      this.bad(path, 'expected a quantity as text, e.g. "117 kgce/t"');
      return { value: 0, unit: '1' };
    }
    try {
      return parseQuantity(v);
    } catch (e) {
      this.bad(path, (e as Error).message);
      return { value: 0, unit: '1' };
    }
  }

  /** Records an issue unless `unit` measures the same thing as `expected`; never throws. */
  sameDimension(unit: string, expected: string, path: string): void {
    try {
      if (!compatible(unit, expected))
        this.bad(path, `${unit} does not measure the same thing as ${expected}`);
    } catch (e) {
      this.bad(path, (e as Error).message);
    }
  }

  sources(v: unknown, path: string): SourceRef[] {
    return this.array(v, path).map((s, i) => {
      const o = this.object(s, `${path}[${i}]`);
      const ref: SourceRef = {
        id: this.text(o.id, `${path}[${i}].id`),
        title: this.text(o.title, `${path}[${i}].title`),
        ...(o.url !== undefined && { url: this.text(o.url, `${path}[${i}].url`) }),
        ...(o.clause !== undefined && { clause: this.text(o.clause, `${path}[${i}].clause`) }),
        ...(o.publisher !== undefined && {
          publisher: this.text(o.publisher, `${path}[${i}].publisher`),
        }),
        ...(o.year !== undefined && { year: this.number(o.year, `${path}[${i}].year`) }),
        ...(o.notes !== undefined && { notes: this.text(o.notes, `${path}[${i}].notes`) }),
      };
      return ref;
    });
  }

  /** `mark` and `source` of a value; the source must be listed in the file's `sources`. */
  provenance(o: Record<string, unknown>, path: string, sourceIds: ReadonlySet<string>): Provenance {
    const mark: Mark = this.oneOf(o.mark, MARKS, `${path}.mark`);
    const source = this.text(o.source, `${path}.source`);
    if (source !== '' && !sourceIds.has(source))
      this.bad(`${path}.source`, `"${source}" is not in the file's sources`);
    const note = this.optionalText(o.note, `${path}.note`);
    return { mark, source, ...(note !== undefined && { note }) };
  }

  finish<T>(file: string, value: T): T {
    if (this.issues.length > 0) throw new DataFileError(file, this.issues);
    return value;
  }
}
