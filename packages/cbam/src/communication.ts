import { sum, type Quantity } from '@carbonbase/quantity';
import type { Verification } from '@carbonbase/factors';
import { explanationLines, type Explanation } from './explain.js';
import type { CbamInstallation, InstallationInfo, ReportingPeriod } from './model.js';
import type { CbamResult, GoodResult, SeeBasis, SeeComponent } from './see.js';

/**
 * The communication data: what the installation operator hands the EU importer for each good
 * (CBAM Regulation Art. 8 and 10; the EC communication template asks for the same content in
 * spreadsheet form). Quantities stay `{ value, unit }`; every default is labelled.
 */
export interface CbamCommunication {
  readonly format: 'carbonbase.cbam-communication/v1';
  /** ISO date of issue, given by the caller (the pure core reads no clock). */
  readonly issued?: string;
  readonly installation: InstallationInfo;
  readonly reportingPeriod: ReportingPeriod;
  /** Year whose mark-up was applied to the default values used. */
  readonly markUpYear: number;
  readonly goods: readonly CommunicatedGood[];
  /** Every factor-base record the figures rest on, with its confidence mark. */
  readonly factors: readonly CitedFactor[];
  /** What the receiver must know about the reliability of the figures. */
  readonly caveats: readonly string[];
}

export interface CommunicatedSee {
  /** tCO2e per t of good. */
  readonly value: Quantity;
  readonly basis: SeeBasis;
  readonly label: string;
}

export interface CommunicatedPrecursor {
  readonly cn: string;
  readonly amount: Quantity;
  readonly origin: 'own-production' | 'purchased';
  readonly process?: string;
  readonly supplier?: string;
  readonly direct: CommunicatedSee;
  readonly indirect: CommunicatedSee;
}

export interface CommunicatedGood {
  readonly process: string;
  readonly processName: string;
  readonly cn: string;
  readonly name: string;
  readonly kind: 'simple' | 'complex';
  /** Production route letter of the default-value rows, (A) or (B). */
  readonly route?: string;
  /** What the letter means and the source of that meaning, with its mark. */
  readonly routeMeaning?: string;
  /** AL_g, tonnes produced in the period. */
  readonly activityLevel: Quantity;
  readonly see: {
    readonly direct: CommunicatedSee;
    readonly indirect: CommunicatedSee;
    readonly total: Quantity;
  };
  /** AttrEm_g per component, when actual. */
  readonly attributed: { readonly direct?: Quantity; readonly indirect?: Quantity };
  /** Attributed emissions by source (calcination, kiln dust, fuels, electricity …), tCO2e. */
  readonly sources: readonly {
    readonly component: 'direct' | 'indirect';
    readonly id: string;
    readonly emissions: Quantity;
  }[];
  /** Electricity consumed by the process, when reported. */
  readonly electricityConsumed?: Quantity;
  /** The clinker calcination factor (clinker only). */
  readonly clinkerFactor?: Quantity;
  readonly precursors: readonly CommunicatedPrecursor[];
  /** The derivation, as text lines (direct, then indirect). */
  readonly explanation: readonly string[];
}

export interface CitedFactor {
  readonly ref: string;
  readonly name: string;
  readonly value: Quantity;
  readonly verification?: Verification;
}

/** Fixed cautions that travel with the data, from shared/methods.md §8 and -verification.md §5. */
export const COMMUNICATION_CAVEATS = [
  'The SEE formula follows IR (EU) 2023/1773 Annex IV as recalled (methods.md §8, mark R); its clause numbers are not verified.',
  'China default values are a secondary transcription of the EC default-value workbook for IR (EU) 2025/2621 (mark V-sec).',
  'Routes (A) grey and (B) white clinker/cement follow the legend of IR (EU) 2025/2620 Annex point 5.3, read in secondary transcriptions (mark V-sec); a route is used only where the operator named it.',
  'Indirect emissions use the electricity factor named per process; grid factors are CO2 only and counted as CO2e with GWP 1.',
] as const;

const see = (c: SeeComponent): CommunicatedSee => ({
  value: c.value,
  basis: c.basis,
  label: c.label,
});

function citedFactors(explanations: readonly Explanation[]): CitedFactor[] {
  const seen = new Map<string, CitedFactor>();
  for (const e of explanations)
    for (const i of e.inputs)
      if (i.ref && !seen.has(i.ref))
        seen.set(i.ref, {
          ref: i.ref,
          name: i.name,
          value: i.value,
          ...(i.verification ? { verification: i.verification } : {}),
        });
  return [...seen.values()].sort((a, b) => a.ref.localeCompare(b.ref));
}

function good(inst: CbamInstallation, g: GoodResult): CommunicatedGood {
  const p = inst.processes.find((x) => x.id === g.process)!;
  const electricity = p.indirect?.electricity.map((e) => e.amount);
  return {
    process: g.process,
    processName: g.processName,
    cn: g.good,
    name: g.goodName,
    kind: g.kind,
    ...(g.route !== undefined ? { route: g.route } : {}),
    ...(g.routeMeaning !== undefined ? { routeMeaning: g.routeMeaning } : {}),
    activityLevel: g.activityLevel,
    see: { direct: see(g.direct), indirect: see(g.indirect), total: g.total },
    attributed: {
      ...(g.direct.attributed ? { direct: g.direct.attributed } : {}),
      ...(g.indirect.attributed ? { indirect: g.indirect.attributed } : {}),
    },
    sources: [
      ...(g.direct.sources ?? []).map((s) => ({ component: 'direct' as const, ...s })),
      ...(g.indirect.sources ?? []).map((s) => ({ component: 'indirect' as const, ...s })),
    ],
    ...(electricity?.length ? { electricityConsumed: sum(electricity, 'MWh') } : {}),
    ...(g.clinkerFactor ? { clinkerFactor: g.clinkerFactor } : {}),
    precursors: g.precursors.map((x) => ({
      cn: x.good,
      amount: x.amount,
      origin: x.process !== undefined ? 'own-production' : 'purchased',
      ...(x.process !== undefined ? { process: x.process } : {}),
      ...(x.supplier !== undefined ? { supplier: x.supplier } : {}),
      direct: x.direct,
      indirect: x.indirect,
    })),
    explanation: [
      ...explanationLines(g.direct.explanation),
      ...explanationLines(g.indirect.explanation),
    ],
  };
}

/** Builds the communication data from an installation and its calculated result. */
export function communicationData(
  inst: CbamInstallation,
  result: CbamResult,
  options: { readonly issued?: string } = {},
): CbamCommunication {
  return {
    format: 'carbonbase.cbam-communication/v1',
    ...(options.issued !== undefined ? { issued: options.issued } : {}),
    installation: result.installation,
    reportingPeriod: result.period,
    markUpYear: result.year,
    goods: result.goods.map((g) => good(inst, g)),
    factors: citedFactors(
      result.goods.flatMap((g) => [g.direct.explanation, g.indirect.explanation]),
    ),
    caveats: [...COMMUNICATION_CAVEATS],
  };
}
