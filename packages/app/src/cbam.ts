import {
  CbamError,
  communicationData,
  communicationWorkbook,
  installationFromInventory,
  isRouteCode,
  ROUTE_LEGEND,
  specificEmbeddedEmissions,
  type CbamCommunication,
} from '@carbonbase/cbam';
import { parseInventory } from '@carbonbase/engine';
import { cbamWorkbookBuffer } from '@carbonbase/io';
import type { Store } from '@carbonbase/store';
import { requireEnterprise } from './access.js';
import type { Actor } from './actor.js';
import { AppError } from './errors.js';
import { factorBaseOf, factorSetsByRef } from './factor-base.js';
import { annualRunOf, resultOf, type RunInputs } from './runs.js';

export interface EnterpriseCbamQuery {
  /** Reporting year: the enterprise's latest saved run for that year is used. */
  readonly year: number;
  /** Production route (A grey, B white clinker/cement) where a default differs by route. */
  readonly route?: string;
  /** Year of import, for the default-value mark-up; default: the reporting year. */
  readonly importYear?: number;
}

/** CBAM embedded emissions of an enterprise's year, with the run they rest on. */
export interface EnterpriseCbam {
  readonly enterpriseId: string;
  readonly enterpriseCode: string;
  readonly year: number;
  readonly runId: string;
  /** The accounting method of the run, `id@version`. */
  readonly method: string;
  /** Every factor set the run and this calculation resolved against, `id@version`. */
  readonly factorSets: readonly string[];
  /** What the mapping from the inventory to the installation assumed or left out. */
  readonly notes: readonly string[];
  readonly communication: CbamCommunication;
}

/**
 * CBAM specific embedded emissions of an enterprise's stored annual run (IR (EU) 2023/1773
 * attribution; docs/methods/cbam.md): the run's inventory and engine results are mapped to the
 * installation (clinker and cement processes) by `installationFromInventory`, and calculated
 * against the factor sets the run recorded, so the answer is reproducible from the run alone.
 * Scoped like getRun: an enterprise outside the actor's scope is "not found".
 */
export async function enterpriseCbam(
  store: Store,
  actor: Actor,
  enterpriseId: string,
  query: EnterpriseCbamQuery,
  issued: string,
): Promise<EnterpriseCbam> {
  const { enterprise } = await requireEnterprise(store, actor, enterpriseId, 'read');
  if (query.route !== undefined && !isRouteCode(query.route))
    throw new AppError(
      'validation-failed',
      `生产路线无效：${query.route}（可选 A ${ROUTE_LEGEND.A.name}、B ${ROUTE_LEGEND.B.name}）`,
      `route must be A (${ROUTE_LEGEND.A.nameEn}) or B (${ROUTE_LEGEND.B.nameEn}): ${query.route}`,
      [{ field: 'route', reason: `not a production route: ${query.route}` }],
    );
  const run = await annualRunOf(store, actor.tenantId, enterprise.id, query.year);
  if (!run)
    throw new AppError(
      'not-found',
      `${enterprise.code} ${query.year} 年没有全年核算记录，请先核算`,
      `${enterprise.code} has no annual calculation run for ${query.year}: calculate the year first`,
    );
  const inputs = run.inputs as unknown as RunInputs;
  const document = `${enterprise.code} ${query.year}`;
  const base = factorBaseOf(await factorSetsByRef(store, inputs.factorSets));
  try {
    const link = installationFromInventory(
      parseInventory(inputs.inventory, document),
      resultOf(run),
    );
    const installation = {
      ...link.installation,
      installation: { ...link.installation.installation, id: enterprise.code },
    };
    const result = specificEmbeddedEmissions(installation, base, {
      ...(query.importYear !== undefined ? { year: query.importYear } : {}),
      ...(query.route !== undefined ? { route: query.route } : {}),
    });
    return {
      enterpriseId: enterprise.id,
      enterpriseCode: enterprise.code,
      year: query.year,
      runId: run.id,
      method: `${run.methodSet.id}@${run.methodSet.version}`,
      factorSets: inputs.factorSets,
      notes: link.notes,
      communication: communicationData(installation, result, { issued }),
    };
  } catch (e) {
    if (e instanceof CbamError)
      throw new AppError(
        'validation-failed',
        `CBAM 隐含排放无法计算：${e.message}`,
        `CBAM embedded emissions cannot be calculated: ${e.message}`,
        [{ file: document, field: e.path, reason: e.message }],
      );
    throw e;
  }
}

/** The communication data of enterpriseCbam as the Excel workbook the CLI writes with --xlsx. */
export async function enterpriseCbamWorkbook(
  store: Store,
  actor: Actor,
  enterpriseId: string,
  query: EnterpriseCbamQuery,
  issued: string,
): Promise<Buffer> {
  const cbam = await enterpriseCbam(store, actor, enterpriseId, query, issued);
  return cbamWorkbookBuffer(communicationWorkbook(cbam.communication));
}
