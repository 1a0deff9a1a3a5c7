import type { PeriodComment, ReportingPeriod, ReportingPeriodKey, Store } from '@carbonbase/store';
import { StalePeriodStatusError } from '@carbonbase/store';
import { requireEnterprise } from './access.js';
import { actorRef, type Actor } from './actor.js';
import { AppError } from './errors.js';

/**
 * The review of an annual reporting period:
 *   open → submitted (enterprise manager) → accepted (regulator, platform admin)
 *                    ↘ returned (regulator) → submitted again
 * Verifiers and regulators comment while it is under review. Activity data of a submitted or
 * accepted year cannot change; a returned year can.
 */
export type PeriodStatus = 'open' | 'submitted' | 'returned' | 'accepted';

const EDITABLE: readonly string[] = ['open', 'returned'];

export const yearKey = (
  tenantId: string,
  enterpriseId: string,
  year: number,
): ReportingPeriodKey => ({
  tenantId,
  enterpriseId,
  startsOn: `${year}-01-01`,
  endsOn: `${year}-12-31`,
});

export async function assertPeriodOpen(
  store: Store,
  tenantId: string,
  enterpriseId: string,
  year: number,
): Promise<void> {
  const period = await store.reportingPeriods.get(yearKey(tenantId, enterpriseId, year));
  if (period && !EDITABLE.includes(period.status))
    throw new AppError(
      'conflict',
      `${year} 年报告期状态为 ${period.status}，数据已锁定`,
      `the ${year} reporting period is ${period.status}; its data is locked`,
    );
}

async function move(
  store: Store,
  actor: Actor,
  enterpriseId: string,
  year: number,
  from: readonly PeriodStatus[],
  to: PeriodStatus,
  details: Record<string, string> = {},
): Promise<ReportingPeriod> {
  const key = yearKey(actor.tenantId, enterpriseId, year);
  return store.transaction(async (repos) => {
    const current = await repos.reportingPeriods.ensure(key);
    if (!from.includes(current.status as PeriodStatus))
      throw new AppError(
        'conflict',
        `报告期当前为 ${current.status}，不能改为 ${to}`,
        `the period is ${current.status}; it cannot become ${to}`,
      );
    let moved: ReportingPeriod;
    try {
      moved = await repos.reportingPeriods.transition(key, current.status, to);
    } catch (e) {
      if (e instanceof StalePeriodStatusError)
        throw new AppError(
          'conflict',
          '报告期状态已被他人更改',
          'someone else changed the period first',
        );
      throw e;
    }
    await repos.auditLog.append({
      tenantId: actor.tenantId,
      actor: actorRef(actor),
      action: `period.${to}`,
      entity: 'enterprise',
      entityId: enterpriseId,
      details: { year, from: current.status, ...details },
    });
    return moved;
  });
}

/** The enterprise submits a year once a calculation run exists for it. */
export async function submitPeriod(store: Store, actor: Actor, enterpriseId: string, year: number) {
  await requireEnterprise(store, actor, enterpriseId, 'submit');
  const [run] = await store.calculationRuns.list(actor.tenantId, {
    enterpriseIds: [enterpriseId],
    periodStart: `${year}-01-01`,
    limit: 1,
  });
  if (!run)
    throw new AppError(
      'conflict',
      `${year} 年尚无核算结果，请先核算再提交`,
      `there is no calculation run for ${year}; calculate before submitting`,
    );
  return move(store, actor, enterpriseId, year, ['open', 'returned'], 'submitted', { run: run.id });
}

export async function acceptPeriod(store: Store, actor: Actor, enterpriseId: string, year: number) {
  await requireEnterprise(store, actor, enterpriseId, 'review');
  return move(store, actor, enterpriseId, year, ['submitted'], 'accepted');
}

export async function returnPeriod(
  store: Store,
  actor: Actor,
  enterpriseId: string,
  year: number,
  reason: string,
) {
  await requireEnterprise(store, actor, enterpriseId, 'review');
  return move(store, actor, enterpriseId, year, ['submitted'], 'returned', { reason });
}

export async function commentOnPeriod(
  store: Store,
  actor: Actor,
  enterpriseId: string,
  year: number,
  body: string,
): Promise<PeriodComment> {
  const { roles } = await requireEnterprise(store, actor, enterpriseId, 'comment');
  const key = yearKey(actor.tenantId, enterpriseId, year);
  const period = await store.reportingPeriods.get(key);
  if (!period || period.status === 'open')
    throw new AppError('conflict', '报告期尚未提交，不能评论', 'the period has not been submitted');
  const role = roles.has('verifier') ? 'verifier' : 'regulator';
  return store.reportingPeriods.addComment({
    ...key,
    author: actorRef(actor),
    authorRole: role,
    body,
  });
}

export async function periodStatus(store: Store, actor: Actor, enterpriseId: string, year: number) {
  await requireEnterprise(store, actor, enterpriseId, 'read');
  const key = yearKey(actor.tenantId, enterpriseId, year);
  const period = await store.reportingPeriods.get(key);
  return {
    year,
    status: (period?.status ?? 'open') as PeriodStatus,
    comments: period ? await store.reportingPeriods.listComments(key) : [],
  };
}
