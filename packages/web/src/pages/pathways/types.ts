import type { GetOk, PostOk } from '../../api/client.js';

export type SavedScenario = GetOk<'/api/v1/scenarios'>['items'][number];
export type ScenarioDocument = SavedScenario['document'];
export type ScopeKind = SavedScenario['scope']['kind'];
export type Baseline = GetOk<'/api/v1/scenarios/baseline'>;
export type Comparison = PostOk<'/api/v1/pathways/compare'>;
export type ScenarioPathway = Comparison['pathways'][number];
