import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { pactInputOf, urnPart, uuidV5 } from '@carbonbase/app';
import { account, parseInventory } from '@carbonbase/engine';
import {
  ALLOCATION_RULES,
  CEMENT_PRODUCTS,
  cementFootprint,
  parseBackgroundSet,
  parseCementInputs,
  type AllocationRule,
  type CementFootprint,
  type CementProduct,
} from '@carbonbase/footprint';
import { parseInventoryText } from '@carbonbase/io';
import {
  detectPactVersion,
  formatPactErrors,
  importPact,
  loadPactSchemas,
  toPactV2,
  toPactV3,
  validatePact,
  type PactSchemas,
  type ProductFootprintInput,
} from '@carbonbase/pact';
import { valueIn, type Quantity } from '@carbonbase/quantity';
import type { CliContext } from '../context.js';
import { json, table } from '../format.js';
import { BUNDLED_BACKGROUND, FOOTPRINT_METHOD } from './footprint.command.js';

/**
 * The official PACT OpenAPI documents (MIT, WBCSD), shipped in data/pact-schemas: src/commands
 * and dist/commands are four levels below the repository root. `--spec` or CARBONBASE_PACT_SPEC
 * names another folder.
 */
export const DEFAULT_PACT_SPEC = fileURLToPath(
  new URL('../../../../data/pact-schemas', import.meta.url),
);

/** Namespace of the UUID v5 ids of footprints exported from files (a fixed random UUID). */
const FILE_NAMESPACE = '6d0c1f9e-3b2a-4c7d-8e5f-1a2b3c4d5e6f';

async function read(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`无法读取 cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
}

async function schemasFrom(dir: string | undefined): Promise<PactSchemas> {
  const spec = dir ?? process.env.CARBONBASE_PACT_SPEC ?? DEFAULT_PACT_SPEC;
  const [v2, v3] = await Promise.all([
    read(join(spec, 'openapi_v2_3.yaml')),
    read(join(spec, 'openapi_v3_0.yaml')),
  ]).catch((e: unknown) => {
    throw new Error(
      `找不到 PACT 官方规范 the official PACT schemas are not in ${spec} (openapi_v2_3.yaml, openapi_v3_0.yaml): give --spec <dir> or CARBONBASE_PACT_SPEC`,
      { cause: e },
    );
  });
  return loadPactSchemas({ v2, v3 });
}

function pick<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${flag} 应为 must be one of ${allowed.join(', ')}: ${value}`);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A `carbonbase footprint --json` result, as opposed to an inventory document. */
const isFootprint = (v: Record<string, unknown>): boolean =>
  'breakdown' in v && 'declaredUnit' in v && 'total' in v && 'inventory' in v;

interface ExportOptions {
  pactVersion: string;
  product: string;
  inputs?: string;
  allocation?: string;
  output?: string;
  spec?: string;
}

/** The footprint to export: computed from an inventory, or read from `footprint --json`. */
async function footprintOf(
  file: string,
  text: string,
  o: ExportOptions,
  ctx: CliContext,
): Promise<{ footprint: CementFootprint; creditCode?: string }> {
  const name = basename(file);
  const doc = parseInventoryText(text, name);
  if (!isObject(doc))
    throw new Error(`${file}: 应为清单或足迹 JSON expected an inventory or a footprint document`);
  if (isFootprint(doc)) {
    const f = doc as unknown as CementFootprint;
    if (!('contributions' in doc) || !('fuelUpstream' in doc))
      throw new Error(
        `${file}: 足迹文件版本过旧，缺少 contributions 与 fuelUpstream a footprint written before fuel upstream: run carbonbase footprint --json again`,
      );
    return { footprint: f };
  }
  const product = pick<CementProduct>(o.product, CEMENT_PRODUCTS, '--product');
  const allocation =
    o.allocation === undefined
      ? undefined
      : pick<AllocationRule>(o.allocation, ALLOCATION_RULES, '--allocation');
  const result = account(doc, await ctx.loadFactorBase(), {
    document: name,
    method: FOOTPRINT_METHOD,
  });
  const inputs = o.inputs
    ? parseCementInputs(parseInventoryText(await read(o.inputs), basename(o.inputs)), o.inputs)
    : undefined;
  const background = parseBackgroundSet(
    JSON.parse(await read(BUNDLED_BACKGROUND)) as unknown,
    BUNDLED_BACKGROUND,
  );
  const inventory = parseInventory(doc, name);
  const footprint = cementFootprint(inventory, result, {
    product,
    background,
    ...(inputs ? { inputs } : {}),
    ...(allocation ? { allocation } : {}),
  });
  return {
    footprint,
    ...(inventory.reporter.creditCode ? { creditCode: inventory.reporter.creditCode } : {}),
  };
}

const n = (q: Quantity | undefined, unit: string) =>
  q === undefined ? '—' : `${Number(valueIn(q, unit).toPrecision(6))} ${unit}`;

/** What a partner's footprint says, for people. */
function summary(f: ProductFootprintInput, version: string, unmapped: readonly string[]): string {
  const unit = `${f.declaredUnit.value} ${f.declaredUnit.unit}`;
  const rows: [string, string][] = [
    ['PACT', `v${version}`],
    ['id', f.id],
    ['状态 status', f.status],
    ['公司 company', `${f.company.name} (${f.company.ids.join(', ')})`],
    ['产品 product', `${f.product.nameCompany} (${f.product.ids.join(', ')})`],
    ['产品描述 description', f.product.description],
    ['声明单位 declared unit', unit],
    ['参考期 reference period', `${f.referencePeriod.start} – ${f.referencePeriod.end}`],
    ['pCfExcludingBiogenic', `${n(f.pcfExcludingBiogenic, 'kgCO2e')} / ${unit}`],
    ['pCfIncludingBiogenic', `${n(f.pcfIncludingBiogenic, 'kgCO2e')} / ${unit}`],
    ['fossilGhgEmissions', `${n(f.fossilGhgEmissions, 'kgCO2e')} / ${unit}`],
    ['GWP', f.characterizationFactors.join(', ')],
    ['标准 standards', f.crossSectoralStandards.join(', ')],
    ['一手数据占比 primary data share', n(f.primaryDataShare, '%')],
    [
      '豁免排放 exempted',
      `${n(f.exemptedEmissions.percent, '%')} ${f.exemptedEmissions.description}`,
    ],
  ];
  const out = [table(['字段 Field', '值 Value'], rows)];
  if (unmapped.length)
    out.push(
      `未映射的字段（carbonbase 不携带） fields carbonbase does not carry: ${unmapped.join(', ')}`,
    );
  return out.join('\n');
}

export function registerPactCommands(program: Command, ctx: CliContext): Command {
  const pact = program
    .command('pact')
    .description(
      'PACT（Pathfinder）产品碳足迹交换：导出、导入、校验 PACT ProductFootprint exchange: export, import, validate',
    );
  const spec = ['--spec <dir>', '官方规范目录 folder with openapi_v2_3.yaml and openapi_v3_0.yaml'];

  pact
    .command('export')
    .description(
      '把清单或足迹导出为 PACT 文档 export a clinker/cement footprint as a PACT ProductFootprint',
    )
    .argument('<file>', '清单 inventory (YAML/JSON) 或 or `carbonbase footprint --json` output')
    // not --version: the root command's version flag is recognised after subcommands too
    .option('--pact-version <major>', 'PACT 版本 version: 2 (v2.3) | 3 (v3.0)', '3')
    .option('--product <product>', '产品 product: clinker | cement (for an inventory)', 'cement')
    .option('--inputs <file>', '组成与供应链 composition (carbonbase.cement-footprint/v1)')
    .option('--allocation <rule>', '分配规则 allocation: economic | cut-off')
    .option('-o, --output <file>', '写入文件 write the document to a file')
    .option(spec[0]!, spec[1])
    .action(async (file: string, o: ExportOptions) => {
      const version = pick<'2' | '3'>(o.pactVersion, ['2', '3'], '--pact-version');
      const text = await read(file);
      const { footprint: f, creditCode } = await footprintOf(file, text, o, ctx);
      const who = urnPart(creditCode ?? f.inventory.reporter);
      const digest = createHash('sha256').update(text).digest('hex');
      const input = pactInputOf(f, {
        id: uuidV5(FILE_NAMESPACE, `${digest} ${f.product} ${f.allocation.rule}`),
        created: new Date().toISOString(),
        companyName: f.inventory.reporter,
        companyIds: [
          creditCode
            ? `urn:pact:carbonbase:company-id:${who}`
            : `urn:pact:carbonbase:company-name:${who}`,
        ],
        productIds: [`urn:pact:carbonbase:product-id:${who}:${f.product}`],
        provenance: `file ${basename(file)} (sha256 ${digest.slice(0, 16)}…)`,
      });
      const doc = version === '2' ? toPactV2(input) : toPactV3(input);
      // what carbonbase writes must pass the official schema; a failure here is a bug, not input
      const check = validatePact(doc, version, await schemasFrom(o.spec));
      if (!check.valid)
        throw new Error(
          `导出的文档未通过官方模式 the exported document fails the official schema:\n${formatPactErrors(check.errors).join('\n')}`,
        );
      if (o.output) {
        await writeFile(o.output, `${json(doc)}\n`);
        ctx.out(
          `已写入 written ${o.output}: PACT v${doc.specVersion}, ${f.productName}, ${n(f.total, 'tCO2e/t')}`,
        );
      } else ctx.out(json(doc));
    });

  pact
    .command('import')
    .description(
      '读取合作方的 PACT 文档，校验并列出足迹 read a partner’s PACT ProductFootprint, validate it and summarize it',
    )
    .argument('<file>', 'PACT ProductFootprint (JSON, v2.x or v3.x)')
    .option('--json', '输出 JSON print the mapped footprint as JSON')
    .option(spec[0]!, spec[1])
    .action(async (file: string, o: { json?: boolean; spec?: string }) => {
      const result = importPact(await read(file), await schemasFrom(o.spec));
      if (!result.ok)
        throw new Error(
          `${file} 不是有效的 PACT 文档 is not a valid PACT ProductFootprint${result.version ? ` v${result.version}` : ''}:\n${formatPactErrors(result.errors).join('\n')}`,
        );
      ctx.out(
        o.json
          ? json({
              version: result.version,
              footprint: result.footprint,
              unmapped: result.unmapped,
            })
          : summary(result.footprint, result.version, result.unmapped),
      );
    });

  pact
    .command('validate')
    .description(
      '按官方模式校验 PACT 文档（错误给出 JSON 字段路径，无效时退出码 1） validate a PACT document against the official schema (errors with JSON field paths; exit 1 when invalid)',
    )
    .argument('<file>', 'PACT ProductFootprint (JSON)')
    .option(
      '--pact-version <major>',
      '按此版本校验 validate as this version: 2 | 3 (default: from specVersion)',
    )
    .option(spec[0]!, spec[1])
    .action(async (file: string, o: { pactVersion?: string; spec?: string }) => {
      const text = await read(file);
      let doc: unknown;
      try {
        doc = JSON.parse(text) as unknown;
      } catch (e) {
        throw new Error(`${file}: 不是 JSON not JSON: ${(e as Error).message}`, { cause: e });
      }
      const version =
        o.pactVersion === undefined
          ? detectPactVersion(doc)
          : pick<'2' | '3'>(o.pactVersion, ['2', '3'], '--pact-version');
      if (!version)
        throw new Error(
          `${file}: /specVersion: 既不是 PACT v2 也不是 v3 neither a PACT v2 nor a v3 ProductFootprint`,
        );
      const check = validatePact(doc, version, await schemasFrom(o.spec));
      if (!check.valid)
        throw new Error(
          `${file} 未通过 PACT v${version} 模式 fails the PACT v${version} schema (${check.errors.length}):\n${formatPactErrors(check.errors).join('\n')}`,
        );
      ctx.out(`${file}: 有效 valid PACT v${version} ProductFootprint`);
    });
  return pact;
}
