import { createHash } from 'node:crypto';
import type { RowIssue } from '@carbonbase/factors';
import {
  readActivityCsv,
  readActivityWorkbook,
  type ActivityLine,
  type ActivityWorkbookRead,
} from '@carbonbase/io';
import { parseQuantity } from '@carbonbase/quantity';
import type {
  ActivityParameters,
  EmissionSource,
  ImportBatch,
  JsonValue,
  Repositories,
  Store,
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

const toDetail = (i: RowIssue): ErrorDetail => ({
  file: i.file,
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
  const { lines, rows, issues } = await readFile(file);
  const monthless = lines.filter((l) => l.month === undefined);
  const all = [
    ...issues.map(toDetail),
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
  if (lines.length === 0)
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
      await options.onProgress?.(done, lines.length);
    }
    const batch = await repos.importBatches.record({
      tenantId: actor.tenantId,
      enterpriseId: enterprise.id,
      fileName: file.name,
      fileSha256: sha256,
      sizeBytes: file.bytes.byteLength,
      rowsRead: lines.length,
      versionsAdded: added,
      unchanged: lines.length - added,
      sourcesCreated: created.length,
      importedBy: by,
    });
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
        year: options.year,
      },
    });
    return { batch, sourcesCreated: created };
  });
}

async function sourceIndex(repos: Repositories, tenantId: string, enterpriseId: string) {
  const list = await repos.organisations.listSources(tenantId, enterpriseId);
  return new Map<string, EmissionSource>(list.map((s) => [s.code, s]));
}
