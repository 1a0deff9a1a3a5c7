import type { Queryable } from '../database.js';

export interface ReportingPeriodKey {
  readonly tenantId: string;
  readonly enterpriseId: string;
  /** Inclusive ISO dates, e.g. 2024-01-01 … 2024-12-31 for a year. */
  readonly startsOn: string;
  readonly endsOn: string;
}

export interface ReportingPeriod extends ReportingPeriodKey {
  /** Where the period stands in review (open, submitted, accepted…): the app names the states. */
  readonly status: string;
  readonly updatedAt: Date;
}

export interface NewPeriodComment extends ReportingPeriodKey {
  readonly author: string;
  /** The role the author commented in (verifier, regulator, …). */
  readonly authorRole: string;
  readonly body: string;
}

export interface PeriodComment extends NewPeriodComment {
  readonly id: string;
  readonly createdAt: Date;
}

interface CommentRow {
  tenant_id: string;
  id: string;
  enterprise_id: string;
  starts_on: string;
  ends_on: string;
  author: string;
  author_role: string;
  body: string;
  created_at: Date;
}

const COMMENT =
  'tenant_id, id, enterprise_id, starts_on, ends_on, author, author_role, body, created_at';

const toComment = (r: CommentRow): PeriodComment => ({
  tenantId: r.tenant_id,
  id: r.id,
  enterpriseId: r.enterprise_id,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  author: r.author,
  authorRole: r.author_role,
  body: r.body,
  createdAt: r.created_at,
});

/** The status was not what the caller expected: someone else moved the period first. */
export class StalePeriodStatusError extends Error {
  override readonly name = 'StalePeriodStatusError';
}

interface PeriodRow {
  tenant_id: string;
  enterprise_id: string;
  starts_on: string;
  ends_on: string;
  status: string;
  updated_at: Date;
}

const COLUMNS = 'tenant_id, enterprise_id, starts_on, ends_on, status, updated_at';
const KEY = `tenant_id = $1 and enterprise_id = $2::uuid and starts_on = $3::date
  and ends_on = $4::date`;

function toPeriod(r: PeriodRow): ReportingPeriod {
  return {
    tenantId: r.tenant_id,
    enterpriseId: r.enterprise_id,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status: r.status,
    updatedAt: r.updated_at,
  };
}

const keyParams = (k: ReportingPeriodKey) => [k.tenantId, k.enterpriseId, k.startsOn, k.endsOn];

/**
 * Reporting periods and their review status. Which transitions are allowed, and who may make
 * them, are business rules of the application; the store only makes each change atomic.
 */
export class ReportingPeriodRepository {
  constructor(private readonly db: Queryable) {}

  /** The period, created with `status` if it does not exist yet. */
  async ensure(key: ReportingPeriodKey, status = 'open'): Promise<ReportingPeriod> {
    await this.db.query(
      `insert into reporting_periods (tenant_id, enterprise_id, starts_on, ends_on, status)
       values ($1, $2::uuid, $3::date, $4::date, $5) on conflict do nothing`,
      [...keyParams(key), status],
    );
    const period = await this.get(key);
    if (!period) throw new Error('reporting period vanished after insert');
    return period;
  }

  async get(key: ReportingPeriodKey): Promise<ReportingPeriod | undefined> {
    const [row] = await this.db.query<PeriodRow>(
      `select ${COLUMNS} from reporting_periods where ${KEY}`,
      keyParams(key),
    );
    return row && toPeriod(row);
  }

  async list(tenantId: string, enterpriseId: string): Promise<ReportingPeriod[]> {
    const rows = await this.db.query<PeriodRow>(
      `select ${COLUMNS} from reporting_periods
       where tenant_id = $1 and enterprise_id = $2::uuid order by starts_on, ends_on`,
      [tenantId, enterpriseId],
    );
    return rows.map(toPeriod);
  }

  /**
   * Moves the period from `from` to `to` if, and only if, it is still in `from`: of two
   * reviewers acting at once, one wins and the other gets StalePeriodStatusError.
   */
  async transition(key: ReportingPeriodKey, from: string, to: string): Promise<ReportingPeriod> {
    const [row] = await this.db.query<PeriodRow>(
      `update reporting_periods set status = $6, updated_at = now()
       where ${KEY} and status = $5 returning ${COLUMNS}`,
      [...keyParams(key), from, to],
    );
    if (!row) {
      const current = await this.get(key);
      throw new StalePeriodStatusError(
        current
          ? `the period is ${current.status}, not ${from}`
          : 'the reporting period does not exist',
      );
    }
    return toPeriod(row);
  }

  async addComment(c: NewPeriodComment): Promise<PeriodComment> {
    const [row] = await this.db.query<CommentRow>(
      `insert into period_comments (tenant_id, enterprise_id, starts_on, ends_on, author,
         author_role, body)
       values ($1, $2::uuid, $3::date, $4::date, $5, $6, $7) returning ${COMMENT}`,
      [...keyParams(c), c.author, c.authorRole, c.body],
    );
    return toComment(row!);
  }

  /** Comments on a period, oldest first. */
  async listComments(key: ReportingPeriodKey): Promise<PeriodComment[]> {
    const rows = await this.db.query<CommentRow>(
      `select ${COMMENT} from period_comments where ${KEY} order by created_at, id`,
      keyParams(key),
    );
    return rows.map(toComment);
  }
}
