import type { Quantity } from '@carbonbase/quantity';
import type { Explanation } from './types.js';

const ORIGIN: Record<string, string> = {
  activity: '活动数据 activity',
  measured: '实测 measured',
  default: '缺省 default',
  constant: '常数 constant',
  derived: '推导 derived',
};

const MARK: Record<string, string> = { verified: 'V', secondary: 'V-sec', recalled: 'R' };

/** Presentation rounding only: 6 significant digits, never applied to stored results. */
export function formatNumber(v: number, significant = 6): string {
  if (v === 0) return '0';
  const rounded = Number(v.toPrecision(significant));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 12, useGrouping: true });
}

export function formatQty(q: Quantity, significant = 6): string {
  return `${formatNumber(q.value, significant)} ${q.unit}`;
}

/** A readable, bilingual rendering of an explanation, for the terminal and for verifiers. */
export function renderExplanation(e: Explanation): string {
  const out: string[] = [];
  out.push(`${e.subject} — ${e.title}`);
  out.push(`  结果 result: ${formatQty(e.result)}    处理 treatment: ${e.treatment}`);
  out.push(`  公式 formula: ${e.formula.text}`);
  out.push(
    `    依据 per ${e.formula.citation.standard}, ${e.formula.citation.clause} [${MARK[e.formula.citation.verification] ?? e.formula.citation.verification}]`,
  );
  if (e.inputs.length) {
    out.push('  输入 inputs:');
    for (const i of e.inputs) {
      const where = [
        i.field ? `field ${i.field}` : '',
        i.factor ? `factor ${i.factor}` : '',
        i.citation
          ? `${i.citation.standard}, ${i.citation.clause} [${MARK[i.citation.verification] ?? ''}]`
          : '',
      ]
        .filter(Boolean)
        .join('; ');
      out.push(
        `    ${i.symbol} = ${formatQty(i.value)}  ${i.name}  (${ORIGIN[i.origin] ?? i.origin}${where ? `; ${where}` : ''})`,
      );
    }
  }
  if (e.factors.length) {
    out.push('  因子 factors:');
    for (const f of e.factors) {
      out.push(`    ${f.ref} = ${formatQty(f.value)}  [${MARK[f.verification] ?? f.verification}]`);
      out.push(
        `      来源 source: ${f.source.document}${f.source.clause ? `, ${f.source.clause}` : ''}${f.source.url ? ` <${f.source.url}>` : ''}`,
      );
      out.push(
        `      地区/年份/口径 region ${f.region}${f.year !== undefined ? `, year ${f.year}` : ''}${f.basis ? `, basis ${f.basis}` : ''}`,
      );
      for (const r of f.reasons) out.push(`      · ${r}`);
    }
  }
  if (e.conversions.length) {
    out.push('  单位换算 unit conversions:');
    for (const c of e.conversions)
      out.push(`    ${formatQty(c.from, 12)} → ${formatQty(c.to, 12)}  (${c.what})`);
  }
  if (e.steps.length) {
    out.push('  计算 steps:');
    for (const s of e.steps) {
      out.push(`    ${s.symbol} = ${s.expression}`);
      out.push(`      = ${formatQty(s.value)}  ${s.description}`);
    }
  }
  for (const n of e.notes) out.push(`  注 note: ${n}`);
  return out.join('\n');
}
