import { canonicalJson, type JsonValue } from '../canonical-json.js';
import type { Queryable } from '../database.js';
import type { NewActivityVersion } from './activity-data.repository.js';
import { isUuid } from './ids.js';

export interface BulkLoadOptions {
  /**
   * Skip a row whose cell's current version has the same value, unit and parameters, as
   * `appendIfChanged` does (default true). False appends a version for every row.
   */
  readonly onlyIfChanged?: boolean;
}

export interface BulkLoadReport {
  readonly rows: number;
  /** Versions written. */
  readonly appended: number;
  /** Rows equal to their cell's current version, skipped. */
  readonly unchanged: number;
}

/** A row refused by `bulkLoad`; nothing of the load was written. */
export class BulkLoadError extends Error {
  override readonly name = 'BulkLoadError';
  constructor(
    /** 0-based position of the row in the input. */
    readonly rowIndex: number,
    /** The input field at fault, e.g. `month`, `quantity.value`, `sourceId`. */
    readonly field: string,
    zh: string,
    en: string,
    options?: ErrorOptions,
  ) {
    super(
      `第 ${rowIndex} 行（从 0 起）${field}：${zh}。Row ${rowIndex} (from 0), ${field}: ${en}.`,
      options,
    );
  }
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * activity_data's columns in COPY order, with the input field each comes from. The texts that
 * repeat from row to row come before the numbers that change on every row (see `csvPieces`).
 */
const COLUMN_FIELDS = {
  tenant_id: 'tenantId',
  enterprise_id: 'enterpriseId',
  source_id: 'sourceId',
  period_month: 'month',
  unit: 'quantity.unit',
  recorded_by: 'recordedBy',
  reason: 'reason',
  source_file: 'origin.file',
  source_sheet: 'origin.sheet',
  parameters: 'parameters',
  version: 'month',
  value: 'quantity.value',
  source_row: 'origin.row',
} as const;
const COLUMNS = Object.keys(COLUMN_FIELDS);

/** The current version of a cell, as the load needs it (a tuple: a reload reads millions). */
type CurrentVersion = readonly [
  month: string,
  version: number,
  value: number,
  unit: string,
  parameters: Record<string, JsonValue>,
];

/** One source named by the load, with the rows that name it. */
interface SourceCells {
  /** Lower-case, as the database returns it. */
  readonly sourceId: string;
  /** The enterprise of the first row naming the source, lower-case. */
  readonly enterpriseId: string;
  readonly firstRow: number;
  /** Month `YYYY-MM` → row: one row per cell. */
  readonly months: Map<string, number>;
  /** Month `YYYY-MM` → the cell's current version, filled in the transaction. */
  current?: Map<string, CurrentVersion>;
  /** The row's first three CSV fields (tenant, enterprise, source) as UTF-8, once encoded. */
  prefix?: Buffer;
}

interface CheckedRows {
  /** By source id as given and lower-cased (both point to the same entry). */
  readonly byId: Map<string, SourceCells>;
  readonly sources: SourceCells[];
  /** A source named under a second enterprise, with the first row doing so: always refused. */
  readonly strays: { enterpriseId: string; sourceId: string; row: number }[];
  readonly firstMonth: string;
  readonly lastMonth: string;
}

/** A CSV field for COPY, quoted so that `''` is not read as NULL. */
function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * The checks that need no database, so a bad row is named before anything is sent. A source's
 * id is checked once, when first seen: later rows find it in the map by the same string, which
 * keeps the cost per row to a few map look-ups for a load of tens of thousands of sources.
 */
function checkRows(rows: readonly NewActivityVersion[], tenantId: string): CheckedRows {
  const byId = new Map<string, SourceCells>();
  const sources: SourceCells[] = [];
  const strays: CheckedRows['strays'] = [];
  let firstMonth = '9999-12';
  let lastMonth = '0000-01';
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const fail = (field: string, zh: string, en: string) => new BulkLoadError(i, field, zh, en);
    if (r.tenantId !== tenantId)
      throw fail(
        'tenantId',
        `一次批量载入只能属于一个租户（第 0 行为 ${tenantId}）`,
        `one bulk load belongs to one tenant (row 0 has ${tenantId})`,
      );
    let source = byId.get(r.sourceId);
    if (source === undefined) {
      if (!isUuid(r.sourceId)) throw fail('sourceId', '不是 UUID', 'not a UUID');
      if (!isUuid(r.enterpriseId)) throw fail('enterpriseId', '不是 UUID', 'not a UUID');
      const sourceId = r.sourceId.toLowerCase();
      source = byId.get(sourceId);
      if (source === undefined) {
        source = {
          sourceId,
          enterpriseId: r.enterpriseId.toLowerCase(),
          firstRow: i,
          months: new Map<string, number>(),
        };
        sources.push(source);
        byId.set(sourceId, source);
      }
      byId.set(r.sourceId, source);
    }
    if (r.enterpriseId !== source.enterpriseId) {
      if (!isUuid(r.enterpriseId)) throw fail('enterpriseId', '不是 UUID', 'not a UUID');
      const enterpriseId = r.enterpriseId.toLowerCase();
      if (
        enterpriseId !== source.enterpriseId &&
        !strays.some((s) => s.sourceId === source.sourceId && s.enterpriseId === enterpriseId)
      )
        strays.push({ enterpriseId, sourceId: source.sourceId, row: i });
    }
    if (!MONTH.test(r.month))
      throw fail(
        'month',
        `"${r.month}" 不是月份（YYYY-MM）`,
        `"${r.month}" is not a month (YYYY-MM)`,
      );
    if (!Number.isFinite(r.quantity.value))
      throw fail(
        'quantity.value',
        `${r.quantity.value} 不是有限数值`,
        `${r.quantity.value} is not a finite number`,
      );
    if (r.quantity.unit.trim() === '') throw fail('quantity.unit', '单位为空', 'the unit is empty');
    if (r.origin?.row !== undefined && !Number.isSafeInteger(r.origin.row))
      throw fail('origin.row', '行号不是整数', 'the row number is not an integer');
    const earlier = source.months.get(r.month);
    if (earlier !== undefined)
      throw fail(
        'month',
        `与第 ${earlier} 行是同一单元格（排放源、月份）`,
        `the same cell (source, month) as row ${earlier}`,
      );
    source.months.set(r.month, i);
    if (r.month < firstMonth) firstMonth = r.month;
    if (r.month > lastMonth) lastMonth = r.month;
  }
  return { byId, sources, strays, firstMonth, lastMonth };
}

/** A PostgreSQL array literal of UUIDs (checked, so nothing needs quoting), for `$n::uuid[]`. */
function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}

/**
 * Which rows equal their cell's current version in value, unit and parameters (compared as
 * `appendIfChanged` compares them), to be left out; undefined when no touched cell has one.
 */
function unchangedRows(
  rows: readonly NewActivityVersion[],
  checked: CheckedRows,
): Uint8Array | undefined {
  if (!checked.sources.some((s) => s.current)) return undefined;
  const skip = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const current = checked.byId.get(r.sourceId)!.current?.get(r.month);
    if (
      current !== undefined &&
      current[2] === r.quantity.value &&
      current[3] === r.quantity.unit &&
      canonicalJson(current[4]) === canonicalJson(r.parameters ?? {})
    )
      skip[i] = 1;
  }
  return skip;
}

/** Writes `text`'s characters, all ASCII (a number's decimal form), at `at`; returns the end. */
function writeAscii(buf: Buffer, at: number, text: string): number {
  for (let k = 0; k < text.length; k++) buf[at++] = text.charCodeAt(k);
  return at;
}

const COMMA = 0x2c;
const NEWLINE = 0x0a;
const PIECE = 65_536;

/**
 * COPY's CSV text for the rows to append, each with its cell's next version, handed out in
 * pieces of about 64 KiB while the server consumes the earlier ones. Rows are written as bytes
 * into one reused buffer: the tenant, enterprise and source of a source, a month, and a run of
 * rows with the same texts are encoded once, so per row only the version, value and file row
 * are formatted. Building a string per row cost about 20 times as much, mostly in the garbage
 * collector, and more than the server's COPY of the same rows on a loaded machine.
 */
function* csvPieces(
  rows: readonly NewActivityVersion[],
  checked: CheckedRows,
  tenantId: string,
  skip: Uint8Array | undefined,
): Generator<string> {
  let buf = Buffer.allocUnsafe(2 * PIECE);
  let at = 0;
  const tenant = quoted(tenantId);
  const months = new Map<string, Buffer>();
  let texts: Buffer | undefined;
  let unit: string | undefined;
  let recordedBy: string | undefined;
  let reason: string | undefined;
  let file: string | undefined;
  let sheet: string | undefined;
  let parameters: NewActivityVersion['parameters'];
  for (let i = 0; i < rows.length; i++) {
    if (skip?.[i]) continue;
    const r = rows[i]!;
    const source = checked.byId.get(r.sourceId)!;
    // Every row's enterprise is its source's (the source check passed), so the source's ids serve.
    const prefix = (source.prefix ??= Buffer.from(
      `${tenant},${source.enterpriseId},${source.sourceId},`,
    ));
    let month = months.get(r.month);
    if (month === undefined) months.set(r.month, (month = Buffer.from(`${r.month}-01,`)));
    const origin = r.origin;
    if (
      texts === undefined ||
      r.quantity.unit !== unit ||
      r.recordedBy !== recordedBy ||
      r.reason !== reason ||
      origin?.file !== file ||
      origin?.sheet !== sheet ||
      r.parameters !== parameters
    ) {
      ({ unit } = r.quantity);
      ({ recordedBy, reason, parameters } = r);
      file = origin?.file;
      sheet = origin?.sheet;
      // PostgreSQL text cannot hold NUL, and COPY's error for it names the line, not the field.
      const nul = (
        [
          ['quantity.unit', unit],
          ['recordedBy', recordedBy],
          ['reason', reason],
          ['origin.file', file],
          ['origin.sheet', sheet],
        ] as const
      ).find(([, text]) => text?.includes('\0'));
      if (nul)
        throw new BulkLoadError(
          i,
          nul[0],
          '文本含有 NUL 字符（\\0），数据库无法保存',
          'the text holds a NUL character (\\0), which the database cannot store',
        );
      texts = Buffer.from(
        `${quoted(unit)},${quoted(recordedBy)},${quoted(reason)},${file === undefined ? '' : quoted(file)},${sheet === undefined ? '' : quoted(sheet)},${quoted(JSON.stringify(parameters ?? {}))},`,
      );
    }
    const version = String((source.current?.get(r.month)?.[1] ?? 0) + 1);
    const value = String(r.quantity.value);
    const fileRow = origin?.row === undefined ? '' : String(origin.row);
    const length = prefix.length + month.length + texts.length + version.length + value.length;
    if (at + length + fileRow.length + 3 > buf.length) {
      if (at > 0) yield buf.toString('utf8', 0, at);
      at = 0;
      if (length + fileRow.length + 3 > buf.length) buf = Buffer.allocUnsafe(2 * length);
    }
    at += prefix.copy(buf, at);
    at += month.copy(buf, at);
    at += texts.copy(buf, at);
    at = writeAscii(buf, at, version);
    buf[at++] = COMMA;
    at = writeAscii(buf, at, value);
    buf[at++] = COMMA;
    at = writeAscii(buf, at, fileRow);
    buf[at++] = NEWLINE;
    if (at >= PIECE) {
      yield buf.toString('utf8', 0, at);
      at = 0;
    }
  }
  if (at > 0) yield buf.toString('utf8', 0, at);
}

/**
 * A COPY line the server refused (a file row beyond `integer`, a year the `date` type does not
 * have, parameters `jsonb` does not take…) as the input row and the field it came from.
 */
function refusedRow(
  error: unknown,
  rowCount: number,
  skip: Uint8Array | undefined,
): BulkLoadError | undefined {
  const where = (error as { where?: unknown }).where;
  const match = typeof where === 'string' ? /line (\d+)(?:, column (\w+))?/.exec(where) : null;
  if (!match) return undefined;
  // COPY line n is the n-th row not left out as unchanged.
  let row = -1;
  for (let line = Number(match[1]); line > 0 && row < rowCount;) {
    row++;
    if (!skip?.[row]) line--;
  }
  if (row < 0 || row >= rowCount) return undefined;
  const column = match[2] as keyof typeof COLUMN_FIELDS | undefined;
  const field = (column && COLUMN_FIELDS[column]) ?? 'row';
  const message = (error as Error).message;
  return new BulkLoadError(
    row,
    field,
    `数据库拒绝该行：${message}`,
    `the database refused the row: ${message}`,
    { cause: error },
  );
}

/**
 * Loads many rows as new versions in one transaction. The rows are checked in memory; one
 * query locks their sources and proves each belongs to its enterprise and tenant; one reads
 * the current versions of the touched cells (none for a first import); then the rows, each
 * with its next version, go straight into the partitioned `activity_data` in one COPY, which
 * costs what a plain COPY of the same rows costs. Every statement names the tenant as a
 * constant, so on Citus each is routed to the tenant's node.
 */
export async function bulkLoadActivity(
  db: Queryable,
  rows: readonly NewActivityVersion[],
  options: BulkLoadOptions = {},
): Promise<BulkLoadReport> {
  const tenantId = rows[0]?.tenantId;
  if (tenantId === undefined) return { rows: 0, appended: 0, unchanged: 0 };
  const checked = checkRows(rows, tenantId);
  const onlyIfChanged = options.onlyIfChanged ?? true;
  const pairs = [...checked.sources.map((s) => ({ ...s, row: s.firstRow })), ...checked.strays];
  const enterprises = uuidArray(pairs.map((p) => p.enterpriseId));
  const sourceIds = uuidArray(pairs.map((p) => p.sourceId));
  return db.transaction(async (tx) => {
    // Locking the sources serialises writers of their cells, as `append` does, so version
    // numbers are assigned without gaps or clashes; the sources found are those that belong
    // to the row's enterprise of this tenant.
    const found = await tx.query<{ enterprise_id: string; id: string }>(
      `select e.enterprise_id, e.id from emission_sources e
       where e.tenant_id = $1
         and (e.enterprise_id, e.id) in (select * from unnest($2::uuid[], $3::uuid[]))
       order by e.enterprise_id, e.id
       for update`,
      [tenantId, enterprises, sourceIds],
    );
    if (found.length < pairs.length) {
      const known = new Set(found.map((f) => `${f.enterprise_id} ${f.id}`));
      const orphan = pairs
        .filter((p) => !known.has(`${p.enterpriseId} ${p.sourceId}`))
        .reduce((a, b) => (b.row < a.row ? b : a));
      throw new BulkLoadError(
        orphan.row,
        'sourceId',
        `排放源 ${orphan.sourceId} 不属于租户 ${tenantId} 的企业 ${orphan.enterpriseId}`,
        `emission source ${orphan.sourceId} does not belong to enterprise ${orphan.enterpriseId} of tenant ${tenantId}`,
      );
    }
    // The current version of each touched cell, found in one pass over the touched sources'
    // rows in the months' partitions (a first import finds none), one JSON array per source:
    // a row per cell made reading them cost more than the server's search on a reload. The
    // value comes as a JSON number, i.e. as `Number(text)`, which is how `appendIfChanged`
    // compares it.
    const current = await tx.query<{ source_id: string; cells: string }>(
      `select c.source_id,
         json_agg(json_build_array(to_char(c.period_month, 'YYYY-MM'), c.version, c.value, c.unit,
           c.parameters))::text as cells
       from (
         select distinct on (a.source_id, a.period_month)
           a.source_id, a.period_month, a.version, a.value, a.unit, a.parameters
         from activity_data a
         where a.tenant_id = $1
           and (a.enterprise_id, a.source_id) in (select * from unnest($2::uuid[], $3::uuid[]))
           and a.period_month between $4::date and $5::date
         order by a.source_id, a.period_month, a.version desc) c
       group by c.source_id`,
      [tenantId, enterprises, sourceIds, `${checked.firstMonth}-01`, `${checked.lastMonth}-01`],
    );
    for (const { source_id, cells } of current)
      checked.byId.get(source_id)!.current = new Map(
        (JSON.parse(cells) as CurrentVersion[]).map((c) => [c[0], c]),
      );
    const skip = onlyIfChanged ? unchangedRows(rows, checked) : undefined;
    const unchanged = skip?.reduce((n, s) => n + s, 0) ?? 0;
    if (unchanged < rows.length)
      await tx
        .copyFrom('activity_data', COLUMNS, csvPieces(rows, checked, tenantId, skip))
        .catch((e: unknown) => {
          throw refusedRow(e, rows.length, skip) ?? e;
        });
    return { rows: rows.length, appended: rows.length - unchanged, unchanged };
  });
}
