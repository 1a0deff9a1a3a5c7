import { InvalidArgumentError, type Command } from 'commander';
import {
  AppError,
  parkOverview,
  regionOverview,
  type Overview,
  type RegionOverview,
} from '@carbonbase/app';
import type { Quantity } from '@carbonbase/quantity';
import type { Store } from '@carbonbase/store';
import type { CliContext } from '../context.js';
import { json, table } from '../format.js';
import { DEFAULT_TENANT, operatorActor } from '../operator.js';
import { registerDecomposeCommand } from './analyse-decompose.js';

function parseYear(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1990 || n > 2100)
    throw new InvalidArgumentError('年份 year yyyy');
  return n;
}

const fixed = (q: Quantity | null | undefined, decimals: number) =>
  q == null
    ? '—'
    : `${q.value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })} ${q.unit}`;

/** Two decimals for tCO2e; intensities keep four. */
const t2 = (q: Quantity | null | undefined) => fixed(q, 2);

const changeText = (c: Overview['yearOnYear']['net']) =>
  c.ok ? (c.relative ? fixed(c.relative, 1) : t2(c.delta)) : '—';

/** A park or region named by its id or its code. */
async function findGroup(
  store: Store,
  tenantId: string,
  kind: 'park' | 'region',
  idOrCode: string,
): Promise<string> {
  const all =
    kind === 'park'
      ? await store.organisations.listParks(tenantId)
      : await store.organisations.listRegions(tenantId);
  const found = all.find((g) => g.id === idOrCode || g.code === idOrCode);
  if (!found)
    throw new AppError(
      'not-found',
      `未找到${kind === 'park' ? '园区' : '地区'} ${idOrCode}`,
      `no ${kind} ${idOrCode} in tenant ${tenantId}`,
    );
  return found.id;
}

function render(o: Overview | RegionOverview): string[] {
  const out = [`${o.code} ${o.name} — ${o.year}`];
  const r = o.rollup;
  if (!r) {
    out.push(`${o.year} 年没有核算 no runs for ${o.year}`);
    return out;
  }
  const yoy = o.yearOnYear.net;
  out.push(
    table(
      ['汇总 Roll-up', '数值 Value'],
      [
        ['直接排放 direct', t2(r.direct)],
        ['间接排放 indirect', t2(r.indirect)],
        ['合计（含内部购电重复） gross', t2(r.gross)],
        ['内部购电间接排放 internal transfer', t2(r.internalTransfer)],
        ['不重复合计 net', t2(r.net)],
        ['综合能耗 energy', t2(r.energy)],
        [
          `同比 year on year (${o.year - 1})`,
          yoy.ok ? `${t2(yoy.delta)} (${yoy.relative ? fixed(yoy.relative, 1) : '—'})` : yoy.reason,
        ],
      ],
    ),
  );
  const rows = new Map(o.enterprises.map((e) => [e.code, e]));
  out.push(
    table(
      ['名次 Rank', '企业 Enterprise', '排放 Emissions', '强度 Intensity', '同比 YoY'],
      (o.byTotal.groups[0]?.ranked ?? []).map((x) => {
        const e = rows.get(x.enterprise);
        return [
          `${x.rank}${x.tied ? '=' : ''}`,
          `${x.enterprise} ${e?.name ?? ''}`,
          t2(x.value),
          fixed(e?.intensity, 4),
          e ? changeText(e.yearOnYear) : '—',
        ];
      }),
    ),
  );
  for (const i of o.byIntensity)
    out.push(
      `强度排名 by intensity (${i.basis}): ` +
        (i.ranking.groups[0]?.ranked ?? [])
          .map((x) => `${x.rank}. ${x.enterprise} ${fixed(x.value, 4)}`)
          .join('; '),
    );
  out.push(
    table(
      ['行业 Sector', '企业 Enterprises', '排放 Emissions', '占比 Share'],
      o.sectors.map((s) => [s.sector, String(s.enterprises), t2(s.emissions), fixed(s.share, 1)]),
    ),
  );
  if ('parks' in o) {
    out.push(
      table(
        ['园区 Park', '不重复合计 Net', '占比 Share', '同比 YoY'],
        o.parks.map((p) => [
          `${p.code} ${p.name}`,
          t2(p.rollup?.net),
          fixed(p.share, 1),
          changeText(p.yearOnYear.net),
        ]),
      ),
    );
    if (o.outsideParks.length)
      out.push(`园区外企业 outside any park: ${o.outsideParks.join(', ')}`);
  }
  if (o.withoutRun.length)
    out.push(`无核算 without a run: ${o.withoutRun.map((e) => e.code).join(', ')}`);
  out.push(o.supply.note, ...o.notes, ...r.notes);
  return out;
}

/**
 * analyse park|region: the overview of a park or region over the store, as the operator;
 * analyse decompose: its LMDI decomposition between two years.
 */
export function registerAnalyseCommand(program: Command, ctx: CliContext): void {
  const analyse = program
    .command('analyse')
    .description(
      '园区或地区年度概览：汇总、排名、同比；排放变化因素分解 a park or region year: roll-up, rankings, year on year; decomposition of a change',
    );
  for (const kind of ['park', 'region'] as const)
    analyse
      .command(kind)
      .description(
        kind === 'park'
          ? '园区概览 the overview of a park'
          : '地区概览（含下级地区，分园区） the overview of a region, park by park',
      )
      .argument(
        '<code|id>',
        kind === 'park' ? '园区代码或 id park code or id' : '地区代码或 id region code or id',
      )
      .requiredOption('--year <yyyy>', '年份 year', parseYear)
      .option('--tenant <id>', '租户 tenant', DEFAULT_TENANT)
      .option('--json', '输出 JSON output JSON')
      .action(async (idOrCode: string, o: { year: number; tenant: string; json?: boolean }) => {
        const store = await ctx.openStore();
        const actor = await operatorActor(store, o.tenant);
        const id = await findGroup(store, o.tenant, kind, idOrCode);
        const overview =
          kind === 'park'
            ? await parkOverview(store, actor, id, o.year)
            : await regionOverview(store, actor, id, o.year);
        if (o.json) ctx.out(json(overview));
        else for (const line of render(overview)) ctx.out(line);
      });
  registerDecomposeCommand(analyse, ctx);
}
