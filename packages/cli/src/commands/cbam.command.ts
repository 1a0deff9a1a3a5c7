import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  CbamDocumentError,
  CbamError,
  communicationData,
  communicationWorkbook,
  fmt,
  isRouteCode,
  parseInstallation,
  specificEmbeddedEmissions,
  type CbamCommunication,
  type CbamResult,
  type Explanation,
  type SeeBasis,
} from '@carbonbase/cbam';
import { writeCbamWorkbook } from '@carbonbase/io';
import { valueIn, type Quantity } from '@carbonbase/quantity';
import type { CliContext } from '../context.js';
import { json, table } from '../format.js';
import { installationFromInventoryFile, type CbamInventoryOptions } from './cbam-inventory.js';

interface CbamOptions extends CbamInventoryOptions {
  year?: string;
  route?: string;
  json?: boolean;
  xlsx?: string;
}

/** Reads, parses and checks the installation document; every error names the file. */
async function readInstallation(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`无法读取 cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: 不是有效的 JSON not valid JSON: ${(e as Error).message}`, {
      cause: e,
    });
  }
  // CbamDocumentError's message starts with the document name and lists every field path.
  return parseInstallation(doc, file);
}

function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text))
    throw new Error(`年份无效 --year must be a year such as 2026: ${text}`);
  return Number(text);
}

function parseRoute(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const route = text
    .trim()
    .replace(/^\((.)\)$/, '$1')
    .toUpperCase();
  if (!isRouteCode(route))
    throw new Error(
      `路线无效 --route must be A (灰色熟料/水泥 grey clinker / cement) or B (白色熟料/水泥 white clinker / cement): ${text}`,
    );
  return route;
}

/** Presentation: six significant digits; the JSON and the workbook keep full precision. */
const see = (q: Quantity) => String(Number(valueIn(q, 'tCO2e/t').toPrecision(6)));

const BASIS = { actual: '实际 actual', default: '默认 default' } as const;

/** The basis in both languages, then the label when it says more (a precursor default, a mark-up). */
const basisLabel = (c: { basis: SeeBasis; label: string }) =>
  c.label === c.basis ? BASIS[c.basis] : `${BASIS[c.basis]} — ${c.label}`;

/** Formula, the final step with its numbers, and the notes: the full derivation is in --json. */
function summary(e: Explanation): string[] {
  const last = e.steps.at(-1);
  return [
    `  ${e.subject}`,
    `    ${e.formula}`,
    ...(last ? [`    ${last.symbol} = ${last.expression} = ${fmt(last.value)}`] : []),
    ...e.notes.map((n) => `    注 note: ${n}`),
  ];
}

export function renderCbam(r: CbamResult, c: CbamCommunication): string {
  const i = r.installation;
  const out: string[] = [];
  out.push(`${i.name}${i.nameEn ? ` — ${i.nameEn}` : ''} (${i.country})`);
  out.push(
    `报告期 reporting period: ${r.period.year}; 进口年份（默认值加成）import year for mark-ups: ${r.year}`,
  );
  out.push(
    table(
      [
        '工序 Process',
        '货物 Good',
        'CN 编码 CN code',
        '直接 Direct tCO2e/t',
        '间接 Indirect tCO2e/t',
        '合计 Total tCO2e/t',
        '依据 Basis / label',
      ],
      r.goods.map((g) => [
        g.process,
        g.goodName,
        g.good,
        see(g.direct.value),
        see(g.indirect.value),
        see(g.total),
        [`直接 direct: ${basisLabel(g.direct)}`, `间接 indirect: ${basisLabel(g.indirect)}`].join(
          '\n',
        ),
      ]),
    ),
  );
  out.push('推导摘要 derivation summary (full: --json goods[].explanation, or --xlsx):');
  for (const g of r.goods)
    out.push(...summary(g.direct.explanation), ...summary(g.indirect.explanation));
  out.push('注意 caveats:');
  for (const x of c.caveats) out.push(`  - ${x}`);
  return out.join('\n');
}

export function registerCbamCommand(program: Command, ctx: CliContext): Command {
  return program
    .command('cbam')
    .description(
      '欧盟 CBAM 水泥/熟料隐含排放 EU CBAM specific embedded emissions of clinker and cement (carbonbase.cbam-installation/v1, JSON)',
    )
    .argument(
      '<installation>',
      '装置文件 installation document (JSON), or an inventory (carbonbase.inventory/v1, YAML/JSON) to account and map',
    )
    .option(
      '--year <year>',
      '进口年份，决定默认值加成 year of import, for the default-value mark-up (default: the reporting year)',
    )
    .option(
      '--route <A|B>',
      '生产路线（缺省值按路线区分的货物）production route where the default values differ by route: A grey, B white clinker/cement',
    )
    .option('--json', '输出通报数据 JSON print the communication data as JSON')
    .option('--xlsx <file>', '写出通报数据工作簿 write the communication data as an .xlsx workbook')
    .option(
      '--method <id>',
      '从清单出发时的核算方法 method for an inventory (default cn-cement-2015)',
    )
    .option(
      '--grinding-electricity <amount>',
      '从清单出发时粉磨工序的全厂外购电 site-level electricity used by cement grinding, e.g. "91200 MWh"',
    )
    .option(
      '--clinker-consumed <amount>',
      '从清单出发时磨成水泥的自产熟料 own clinker ground into cement (default: all clinker produced)',
    )
    .action(async (file: string, o: CbamOptions) => {
      const year = parseYear(o.year);
      const route = parseRoute(o.route);
      const fromInventory = await installationFromInventoryFile(file, o, ctx);
      const inst = fromInventory?.installation ?? (await readInstallation(file));
      const base = await ctx.loadFactorBase();
      let result: CbamResult;
      try {
        result = specificEmbeddedEmissions(inst, base, {
          ...(year !== undefined ? { year } : {}),
          ...(route !== undefined ? { route } : {}),
        });
      } catch (e) {
        if (e instanceof CbamDocumentError) throw e;
        if (e instanceof CbamError) {
          const hint = e.path === 'year' ? ' (--year <year of import>)' : '';
          throw new Error(`${file}: ${e.message}${hint}`, { cause: e });
        }
        throw e;
      }
      // The pure core reads no clock; the CLI dates the communication.
      const communication = communicationData(inst, result, {
        issued: new Date().toISOString().slice(0, 10),
      });
      ctx.out(o.json ? json(communication) : renderCbam(result, communication));
      if (fromInventory)
        (o.json ? ctx.err : ctx.out)(
          ['清单映射 inventory mapping:', ...fromInventory.notes.map((n) => `  - ${n}`)].join('\n'),
        );
      if (o.xlsx) {
        const written = await writeCbamWorkbook(communicationWorkbook(communication), o.xlsx);
        // With --json, stdout carries only the JSON.
        (o.json ? ctx.err : ctx.out)(`已写入 written: ${written}`);
      }
    });
}
