import type { Queryable } from '../database.js';
import { AccessRepository } from './access.repository.js';
import { ActivityDataRepository } from './activity-data.repository.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { CalculationRunRepository } from './calculation-run.repository.js';
import { FactorSetRepository } from './factor-set.repository.js';
import { ImportBatchRepository } from './import-batch.repository.js';
import { OrganisationRepository } from './organisation.repository.js';
import { PathwayScenarioRepository } from './pathway-scenario.repository.js';
import { PollutantEmissionRepository } from './pollutant-emission.repository.js';
import { ReportingPeriodRepository } from './reporting-period.repository.js';

export interface Repositories {
  readonly factorSets: FactorSetRepository;
  readonly organisations: OrganisationRepository;
  readonly activityData: ActivityDataRepository;
  readonly calculationRuns: CalculationRunRepository;
  readonly auditLog: AuditLogRepository;
  readonly access: AccessRepository;
  readonly reportingPeriods: ReportingPeriodRepository;
  readonly importBatches: ImportBatchRepository;
  readonly pathwayScenarios: PathwayScenarioRepository;
  readonly pollutantEmissions: PollutantEmissionRepository;
}

/** Every repository bound to one database or one transaction. */
export function repositories(db: Queryable): Repositories {
  return {
    factorSets: new FactorSetRepository(db),
    organisations: new OrganisationRepository(db),
    activityData: new ActivityDataRepository(db),
    calculationRuns: new CalculationRunRepository(db),
    auditLog: new AuditLogRepository(db),
    access: new AccessRepository(db),
    reportingPeriods: new ReportingPeriodRepository(db),
    importBatches: new ImportBatchRepository(db),
    pathwayScenarios: new PathwayScenarioRepository(db),
    pollutantEmissions: new PollutantEmissionRepository(db),
  };
}
