import { unzipSync } from 'fflate';
import type {
  OlcaCategory,
  OlcaExchange,
  OlcaFlow,
  OlcaFlowProperty,
  OlcaLocation,
  OlcaProcess,
  OlcaUnitGroup,
} from './olca-schema.js';
import { UnitTable } from './olca-units.js';
import type { PsExchange, PsFlow, PsProcess, PsProductSystem } from './product-system-format.js';

/** Folders of an openLCA JSON-LD package, one JSON object per file named `<@id>.json`. */
const FOLDERS = [
  'actors',
  'categories',
  'flow_properties',
  'flows',
  'locations',
  'processes',
  'sources',
  'unit_groups',
] as const;
type Folder = (typeof FOLDERS)[number];

export interface UnitConversionCount {
  readonly from: string;
  readonly to: string;
  readonly factor: number;
  readonly exchanges: number;
}

export interface OlcaImportIssue {
  readonly file: string;
  readonly message: string;
}

/** What the import found, for the import report and for checking against PROVENANCE.md. */
export interface OlcaImportReport {
  readonly counts: {
    readonly files: Readonly<Record<Folder, number>>;
    readonly processes: number;
    readonly exchanges: number;
    readonly flows: {
      readonly elementary: number;
      readonly product: number;
      readonly waste: number;
    };
  };
  /** Exchanges whose unit or flow property differs from the flow's reference, by conversion. */
  readonly unitConversions: readonly UnitConversionCount[];
  readonly traps: {
    /** Product flows that are the reference of several processes (linking must choose). */
    readonly severalProviders: readonly {
      readonly flowId: string;
      readonly flowName: string;
      readonly providers: readonly string[];
    }[];
    /** Distinct product inputs / waste outputs that no process provides: they will be cut off. */
    readonly unprovidedFlows: {
      readonly flows: number;
      readonly names: number;
      readonly exchanges: number;
    };
    /** Processes with more than one product or waste output, and how many have no allocation factors. */
    readonly multiOutput: { readonly processes: number; readonly withoutAllocationFactors: number };
    /** Elementary flows sharing a name (after trimming) under different UUIDs; matched by UUID only. */
    readonly duplicateElementaryNames: number;
    /** Flow names with leading or trailing white space (e.g. "Carbon dioxide, fossil "). */
    readonly untrimmedNames: number;
    readonly exchangesWithDefaultProvider: number;
    readonly avoidedProducts: number;
  };
  readonly issues: readonly OlcaImportIssue[];
}

export interface OlcaImport {
  readonly system: PsProductSystem;
  readonly report: OlcaImportReport;
}

export class OlcaImportError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'OlcaImportError';
  }
}

/** Reads an openLCA JSON-LD zip (bytes in, product system and report out). */
export function readOlcaJsonLdZip(zip: Uint8Array): OlcaImport {
  const entries = unzipSync(zip, { filter: (f) => f.name.endsWith('.json') });
  const decoder = new TextDecoder();
  const byFolder = new Map<Folder, { file: string; data: unknown }[]>();
  for (const [name, bytes] of Object.entries(entries)) {
    // Packages may sit under a top folder inside the zip: take the last two path segments.
    const parts = name.split('/').filter((p) => p !== '');
    const folder = parts[parts.length - 2] as Folder | undefined;
    if (!folder || !(FOLDERS as readonly string[]).includes(folder)) continue;
    let data: unknown;
    try {
      data = JSON.parse(decoder.decode(bytes));
    } catch (e) {
      throw new OlcaImportError(`invalid JSON: ${(e as Error).message}`, name);
    }
    const list = byFolder.get(folder) ?? [];
    list.push({ file: name, data });
    byFolder.set(folder, list);
  }
  const get = <T>(folder: Folder): { file: string; data: T }[] =>
    (byFolder.get(folder) ?? []) as { file: string; data: T }[];
  return convert({
    unitGroups: get<OlcaUnitGroup>('unit_groups'),
    flowProperties: get<OlcaFlowProperty>('flow_properties'),
    flows: get<OlcaFlow>('flows'),
    processes: get<OlcaProcess>('processes'),
    categories: get<OlcaCategory>('categories'),
    locations: get<OlcaLocation>('locations'),
    fileCounts: Object.fromEntries(FOLDERS.map((f) => [f, byFolder.get(f)?.length ?? 0])) as Record<
      Folder,
      number
    >,
  });
}

interface Parsed {
  readonly unitGroups: readonly { file: string; data: OlcaUnitGroup }[];
  readonly flowProperties: readonly { file: string; data: OlcaFlowProperty }[];
  readonly flows: readonly { file: string; data: OlcaFlow }[];
  readonly processes: readonly { file: string; data: OlcaProcess }[];
  readonly categories: readonly { file: string; data: OlcaCategory }[];
  readonly locations: readonly { file: string; data: OlcaLocation }[];
  readonly fileCounts: Record<Folder, number>;
}

const FLOW_KIND = {
  ELEMENTARY_FLOW: 'elementary',
  PRODUCT_FLOW: 'product',
  WASTE_FLOW: 'waste',
} as const;

function convert(p: Parsed): OlcaImport {
  const issues: OlcaImportIssue[] = [];
  const units = new UnitTable(
    p.unitGroups.map((x) => x.data),
    p.flowProperties.map((x) => x.data),
  );
  const categoryPath = categoryPaths(p.categories.map((c) => c.data));
  const locationCode = new Map(
    p.locations.map(({ data }) => [data['@id'], data.code ?? data.name ?? data['@id']]),
  );

  const olcaFlows = new Map<string, OlcaFlow>();
  const flows: PsFlow[] = [];
  const kindCounts = { elementary: 0, product: 0, waste: 0 };
  let untrimmed = 0;
  for (const { file, data: f } of p.flows) {
    const kind = f.flowType ? FLOW_KIND[f.flowType] : undefined;
    const unit = units.flowUnit(f);
    if (!kind || !unit) {
      issues.push({
        file,
        message: `flow "${f.name ?? f['@id']}" has no ${kind ? 'reference unit' : 'flow type'}; skipped`,
      });
      continue;
    }
    kindCounts[kind]++;
    const name = f.name ?? f['@id'];
    if (name !== name.trim()) untrimmed++;
    olcaFlows.set(f['@id'], f);
    const compartment = f.category ? categoryPath.get(f.category['@id']) : undefined;
    const location = f.location ? locationCode.get(f.location['@id']) : undefined;
    flows.push({
      id: f['@id'],
      name,
      kind,
      unit,
      ...(compartment !== undefined ? { compartment } : {}),
      ...(f.cas ? { cas: f.cas } : {}),
      ...(location !== undefined ? { location } : {}),
    });
  }

  const conversions = new Map<
    string,
    { from: string; to: string; factor: number; exchanges: number }
  >();
  const processes: PsProcess[] = [];
  let exchangeCount = 0;
  let withDefaultProvider = 0;
  let avoided = 0;
  let multiOutput = 0;
  let multiOutputNoAllocation = 0;
  for (const { file, data: proc } of p.processes) {
    const exchanges: PsExchange[] = [];
    const references: string[] = [];
    let technosphereOutputs = 0;
    let skipped = false;
    for (const e of proc.exchanges ?? []) {
      exchangeCount++;
      const flow = e.flow ? olcaFlows.get(e.flow['@id']) : undefined;
      if (!flow || !e.flow) {
        issues.push({
          file,
          message: `exchange names unknown flow ${e.flow?.['@id'] ?? '(none)'}`,
        });
        skipped = true;
        continue;
      }
      const converted = convertAmount(e, flow, units, conversions);
      if ('error' in converted) {
        issues.push({
          file,
          message: `exchange of "${flow.name ?? flow['@id']}": ${converted.error}`,
        });
        skipped = true;
        continue;
      }
      if (e.quantitativeReference) references.push(flow['@id']);
      if (!e.input && flow.flowType !== 'ELEMENTARY_FLOW') technosphereOutputs++;
      if (e.defaultProvider) withDefaultProvider++;
      if (e.avoidedProduct) {
        // Avoided products (system expansion credits) are not modelled yet: report, do not guess.
        avoided++;
        issues.push({ file, message: `avoided product "${flow.name ?? ''}" left out` });
        continue;
      }
      exchanges.push({
        flowId: flow['@id'],
        direction: e.input ? 'input' : 'output',
        amount: converted.amount,
        ...(e.defaultProvider ? { defaultProvider: e.defaultProvider['@id'] } : {}),
      });
    }
    if (technosphereOutputs > 1) {
      multiOutput++;
      if ((proc.allocationFactors ?? []).length === 0) multiOutputNoAllocation++;
    }
    const [reference] = references;
    if (references.length !== 1 || reference === undefined || skipped) {
      issues.push({
        file,
        message: skipped
          ? `process "${proc.name ?? ''}" skipped: an exchange could not be read`
          : `process "${proc.name ?? ''}" has ${references.length} quantitative references; skipped`,
      });
      continue;
    }
    const location = proc.location
      ? (locationCode.get(proc.location['@id']) ?? proc.location.name)
      : undefined;
    processes.push({
      id: proc['@id'],
      name: proc.name ?? proc['@id'],
      ...(location !== undefined ? { location } : {}),
      referenceFlowId: reference,
      exchanges,
    });
  }

  const system: PsProductSystem = { flows, processes };
  return {
    system,
    report: {
      counts: {
        files: p.fileCounts,
        processes: p.processes.length,
        exchanges: exchangeCount,
        flows: kindCounts,
      },
      unitConversions: [...conversions.values()].sort((a, b) => b.exchanges - a.exchanges),
      traps: {
        ...linkingTraps(system),
        multiOutput: { processes: multiOutput, withoutAllocationFactors: multiOutputNoAllocation },
        duplicateElementaryNames: duplicateNames(flows),
        untrimmedNames: untrimmed,
        exchangesWithDefaultProvider: withDefaultProvider,
        avoidedProducts: avoided,
      },
      issues,
    },
  };
}

function convertAmount(
  e: OlcaExchange,
  flow: OlcaFlow,
  units: UnitTable,
  conversions: Map<string, { from: string; to: string; factor: number; exchanges: number }>,
): { amount: { value: number; unit: string } } | { error: string } {
  const to = units.flowUnit(flow);
  if (!to) return { error: 'the flow has no reference unit' };
  if (typeof e.amount !== 'number' || !Number.isFinite(e.amount))
    return { error: `amount ${String(e.amount)} is not a number` };
  const c = units.toFlowUnit(flow, e.unit?.['@id'], e.flowProperty?.['@id']);
  if ('error' in c) return c;
  if (c.factor !== 1 || c.from !== to) {
    const key = `${c.from}→${to}@${c.factor}`;
    const seen = conversions.get(key) ?? { from: c.from, to, factor: c.factor, exchanges: 0 };
    seen.exchanges++;
    conversions.set(key, seen);
  }
  return { amount: { value: e.amount * c.factor, unit: to } };
}

/** "air/low population density": the category names from the root down. */
function categoryPaths(categories: readonly OlcaCategory[]): Map<string, string> {
  const byId = new Map(categories.map((c) => [c['@id'], c]));
  const out = new Map<string, string>();
  for (const c of categories) {
    const names: string[] = [];
    let cur: OlcaCategory | undefined = c;
    const seen = new Set<string>();
    while (cur && !seen.has(cur['@id'])) {
      seen.add(cur['@id']);
      names.unshift(cur.name ?? '');
      cur = cur.category ? byId.get(cur.category['@id']) : undefined;
    }
    out.set(c['@id'], names.join('/'));
  }
  return out;
}

function linkingTraps(
  s: PsProductSystem,
): Pick<OlcaImportReport['traps'], 'severalProviders' | 'unprovidedFlows'> {
  const flowById = new Map(s.flows.map((f) => [f.id, f]));
  const providers = new Map<string, string[]>();
  for (const p of s.processes) {
    const list = providers.get(p.referenceFlowId) ?? [];
    list.push(p.name);
    providers.set(p.referenceFlowId, list);
  }
  const unprovided = new Set<string>();
  let exchanges = 0;
  for (const p of s.processes) {
    for (const e of p.exchanges) {
      const f = flowById.get(e.flowId);
      if (!f || f.kind === 'elementary' || providers.has(f.id)) continue;
      const demandsProvider =
        f.kind === 'waste' ? e.direction === 'output' : e.direction === 'input';
      if (!demandsProvider) continue;
      unprovided.add(f.id);
      exchanges++;
    }
  }
  return {
    severalProviders: [...providers]
      .filter(([, list]) => list.length > 1)
      .map(([flowId, list]) => ({
        flowId,
        flowName: flowById.get(flowId)?.name ?? '',
        providers: list.sort(),
      })),
    unprovidedFlows: {
      flows: unprovided.size,
      names: new Set([...unprovided].map((id) => flowById.get(id)?.name ?? id)).size,
      exchanges,
    },
  };
}

function duplicateNames(flows: readonly PsFlow[]): number {
  const ids = new Map<string, number>();
  for (const f of flows)
    if (f.kind === 'elementary') ids.set(f.name.trim(), (ids.get(f.name.trim()) ?? 0) + 1);
  return [...ids.values()].filter((n) => n > 1).length;
}
