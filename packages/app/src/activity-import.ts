import { createHash } from 'node:crypto';
import {
  ACTIVITY_COLUMNS,
  POLLUTANT_COLUMNS,
  readActivityCsv,
  readActivityWorkbook,
  type ActivityLine,
  type ActivityWorkbookRead,
  type PollutantLine,
} from '@carbonbase/io';
import { parseQuantity } from '@carbonbase/quantity';
import {
  PollutantCellConflictError,
  type ActivityParameters,
  type EmissionSource,
  type Enterprise,
  type ImportBatch,
  type JsonValue,
  type NewPollutantEmission,
  type Repositories,
  type Store,
} from '@carbonbase/store';
import { requireEnterprise } from './access.js';
import { actorRef, type Actor } from './actor.js';
import { AppError, type ErrorDetail } from './errors.js';
import { assertPeriodOpen } from './periods.js';

export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ImportOptions {
  /** The calendar year the file's months (1–12) belong to. */
  readonly year: number;
  /** Called as rows are written: `done` of `total` rows. */
  readonly onProgress?: (done: number, total: number) => void | Promise<void>;
}

export interface ImportReport {
  readonly batch: ImportBatch;
  readonly sourcesCreated: readonly string[];
}

const ACTIVITY_FIELDS = new Set(['id', 'kind', 'month', 'facility', 'amount']);

const toDetail = (i: ActivityWorkbookRead['issues'][number]): ErrorDetail => ({
  file: i.file,
  ...(i.sheet !== undefined && { sheet: i.sheet }),
  ...(i.row !== undefined && { row: i.row }),
  ...(i.column !== undefined && { column: i.column }),
  reason: i.reason,
});

async function readFile(file: ImportFile): Promise<ActivityWorkbookRead> {
  if (/\.xlsx$/i.test(file.name)) return readActivityWorkbook(file.bytes, file.name);
  if (/\.csv$/i.test(file.name))
    return readActivityCsv(new TextDecoder('utf-8').decode(file.bytes), file.name);
  return {
    lines: [],
    issues: [
      {
        file: file.name,
        reason:
          '仅支持活动数据模板（.xlsx 或 .csv） only the activity template (.xlsx or .csv) is accepted',
      },
    ],
  };
}

/** The fields of a line other than its identity and amount: they travel with the version. */
function parametersOf(line: ActivityLine): ActivityParameters {
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(line) as [string, unknown][])
    if (!ACTIVITY_FIELDS.has(k) && v !== undefined && v !== '') out[k] = v as JsonValue;
  return out;
}

/** The source's display material: the fuel, material, gas or process it measures. */
const materialOf = (p: ActivityParameters): string | undefined => {
  for (const k of ['fuel', 'material', 'gas', 'process', 'category'])
    if (typeof p[k] === 'string') return p[k];
  return undefined;
};

/**
 * Imports a filled activity template into an enterprise's monthly data. All or nothing: a file
 * with any bad cell is refused with every issue listed; otherwise one transaction appends a
 * new version of each cell whose figure changed, creates missing sources and facilities, and
 * records the batch. Importing the same file again changes nothing, and imports of one
 * enterprise run one at a time (its row is locked), so two racing imports leave one version.
 */
export async function importActivityFile(
  store: Store,
  actor: Actor,
  enterpriseId: string,
  file: ImportFile,
  options: ImportOptions,
): Promise<ImportReport> {
  const { enterprise } = await requireEnterprise(store, actor, enterpriseId, 'enter-data');
  const {
    lines,
    rows,
    issues,
    sheet,
    pollutants = [],
    pollutantRows,
    pollutantSheet,
  } = await readFile(file);
  const monthless = lines.filter((l) => l.month === undefined);
  const badSuppliers = await supplierIssues(store, actor.tenantId, enterprise, lines, {
    file: file.name,
    ...(sheet !== undefined && { sheet }),
    ...(rows !== undefined && { rows }),
  });
  const all = [
    ...issues.map(toDetail),
    ...badSuppliers,
    ...monthless.map((l) => ({
      file: file.name,
      field: 'month',
      reason: `行 ${l.id}：月度数据必须填写月份 line ${l.id}: monthly data needs a month (1–12)`,
    })),
  ];
  if (all.length)
    throw new AppError(
      'validation-failed',
      `文件有 ${all.length} 处错误，未导入任何数据`,
      `the file has ${all.length} problem(s); nothing was imported`,
      all,
    );
  if (lines.length === 0 && pollutants.length === 0)
    throw new AppError('validation-failed', '文件中没有数据行', 'the file has no data rows', [
      { file: file.name, reason: '没有数据行 no data rows' },
    ]);
  await assertPeriodOpen(store, actor.tenantId, enterprise.id, options.year);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const by = actorRef(actor);

  return store.transaction(async (repos) => {
    await repos.organisations.lockEnterprise(actor.tenantId, enterprise.id);
    const created: string[] = [];
    const sources = await sourceIndex(repos, actor.tenantId, enterprise.id);
    const facilities = new Map(
      (await repos.organisations.listFacilities(actor.tenantId, enterprise.id)).map((f) => [
        f.code,
        f,
      ]),
    );
    let added = 0;
    let done = 0;
    const total = lines.length + pollutants.length;
    for (const [i, line] of lines.entries()) {
      const parameters = parametersOf(line);
      let source = sources.get(line.id);
      if (source && source.category !== line.kind)
        throw new AppError(
          'validation-failed',
          `排放源 ${line.id} 已登记为 ${source.category}，不能改为 ${line.kind}`,
          `source ${line.id} is registered as ${source.category}, not ${line.kind}`,
          [
            {
              file: file.name,
              field: 'kind',
              reason: `source ${line.id}: ${source.category} ≠ ${line.kind}`,
            },
          ],
        );
      if (!source) {
        let facilityId: string | undefined;
        if (line.facility) {
          const facility =
            facilities.get(line.facility) ??
            (await repos.organisations.createFacility(actor.tenantId, {
              enterpriseId: enterprise.id,
              code: line.facility,
              name: line.facility,
            }));
          facilities.set(facility.code, facility);
          facilityId = facility.id;
        }
        const material = materialOf(parameters);
        source = await repos.organisations.createSource(actor.tenantId, {
          enterpriseId: enterprise.id,
          code: line.id,
          name: line.note ?? line.id,
          category: line.kind,
          ...(facilityId && { facilityId }),
          ...(material && { material }),
        });
        sources.set(source.code, source);
        created.push(source.code);
      }
      const result = await repos.activityData.appendIfChanged({
        tenantId: actor.tenantId,
        enterpriseId: enterprise.id,
        sourceId: source.id,
        month: `${options.year}-${String(line.month).padStart(2, '0')}`,
        quantity: parseQuantity(line.amount),
        parameters,
        recordedBy: by,
        reason: `导入 import of ${file.name}`,
        origin: { file: file.name, ...(rows?.[i] !== undefined && { row: rows[i] }) },
      });
      if (result.appended) added++;
      done++;
      await options.onProgress?.(done, total);
    }
    // Pollutant rows reference the batch, so the batch is recorded first: which of them change
    // is asked before, so that its counts cover both sheets.
    const cells = pollutants.map((p, i): NewPollutantEmission => ({
      tenantId: actor.tenantId,
      enterpriseId: enterprise.id,
      year: options.year,
      month: p.month ?? 0,
      pollutant: p.pollutant,
      amount: parseQuantity(p.amount),
      source: p.source,
      recordedBy: by,
      reason: `导入 import of ${file.name}`,
      origin: {
        file: file.name,
        ...(pollutantSheet !== undefined && { sheet: pollutantSheet }),
        ...(pollutantRows?.[i] !== undefined && { row: pollutantRows[i] }),
      },
    }));
    const changed: { cell: NewPollutantEmission; line: PollutantLine; row?: number }[] = [];
    for (const [i, cell] of cells.entries())
      if (!(await repos.pollutantEmissions.unchanged(cell)))
        changed.push({
          cell,
          line: pollutants[i]!,
          ...(pollutantRows?.[i] !== undefined && { row: pollutantRows[i] }),
        });
    const batch = await repos.importBatches.record({
      tenantId: actor.tenantId,
      enterpriseId: enterprise.id,
      fileName: file.name,
      fileSha256: sha256,
      sizeBytes: file.bytes.byteLength,
      rowsRead: total,
      versionsAdded: added + changed.length,
      unchanged: total - added - changed.length,
      sourcesCreated: created.length,
      importedBy: by,
    });
    for (const c of changed) {
      await repos.pollutantEmissions
        .append({ ...c.cell, batchId: batch.id })
        .catch((e: unknown) => {
          if (!(e instanceof PollutantCellConflictError)) throw e;
          // the stored year is annual and the file monthly, or the other way round
          throw new AppError(
            'validation-failed',
            '污染物数据与已有数据的填报方式（按月/全年）不一致，未导入任何数据',
            'pollutant data clash with the stored data (monthly against whole-year); nothing was imported',
            [
              {
                file: file.name,
                ...(pollutantSheet !== undefined && { sheet: pollutantSheet }),
                ...(c.row !== undefined && { row: c.row }),
                column: POLLUTANT_COLUMNS.find((x) => x.key === 'month')!.header,
                reason: e.message,
              },
            ],
          );
        });
      done++;
      await options.onProgress?.(done, total);
    }
    await repos.auditLog.append({
      tenantId: actor.tenantId,
      actor: by,
      action: 'activity.import',
      entity: 'enterprise',
      entityId: enterprise.id,
      details: {
        batch: batch.id,
        file: file.name,
        sha256,
        versionsAdded: added,
        pollutantVersionsAdded: changed.length,
        year: options.year,
      },
    });
    return { batch, sourcesCreated: created };
  });
}

const SUPPLIER_COLUMN = ACTIVITY_COLUMNS.find((c) => c.key === 'supplier')!.header;

/**
 * The supplier named on bought electricity or heat must be another enterprise of the tenant:
 * park and region roll-ups match it against their members. One issue per bad cell.
 */
async function supplierIssues(
  store: Store,
  tenantId: string,
  buyer: Enterprise,
  lines: readonly ActivityLine[],
  where: { readonly file: string; readonly sheet?: string; readonly rows?: readonly number[] },
): Promise<ErrorDetail[]> {
  const codes = [...new Set(lines.flatMap((l) => (l.supplier === undefined ? [] : [l.supplier])))];
  const known = new Set<string>();
  for (const code of codes) {
    // the search matches codes by part; the exact code is picked from what it finds
    const found = await store.organisations.listEnterprises(
      tenantId,
      { search: code },
      { limit: 1000 },
    );
    if (found.some((e) => e.code === code)) known.add(code);
  }
  return lines.flatMap((l, i) => {
    const reason =
      l.supplier === undefined
        ? undefined
        : l.supplier === buyer.code
          ? `供应方不能是本企业 the supplier cannot be the enterprise itself (${l.supplier}); leave it blank for own generation`
          : !known.has(l.supplier)
            ? `未知企业代码 unknown enterprise code "${l.supplier}": the supplier must be an enterprise registered on this platform; leave it blank for the grid`
            : undefined;
    if (reason === undefined) return [];
    const row = where.rows?.[i];
    return [
      {
        file: where.file,
        ...(where.sheet !== undefined && { sheet: where.sheet }),
        ...(row !== undefined && { row }),
        column: SUPPLIER_COLUMN,
        reason,
      },
    ];
  });
}

async function sourceIndex(repos: Repositories, tenantId: string, enterpriseId: string) {
  const list = await repos.organisations.listSources(tenantId, enterpriseId);
  return new Map<string, EmissionSource>(list.map((s) => [s.code, s]));
}
