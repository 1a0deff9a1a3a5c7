import { formatIssue } from '@carbonbase/factors';
import type { ImportReasonCode, ImportReport } from './types.js';

/** Bilingual names of the reason codes, for people. */
export const REASON_LABELS: Readonly<Record<ImportReasonCode, string>> = {
  'missing-column': '缺少必需列 required column missing',
  'missing-value': '必填项缺失 required value missing',
  'bad-number': '数值无效 not a number',
  'unknown-unit': '单位无法表示 unit not in the registry',
  'bad-kind': '类型无效 unknown kind',
  'bad-region': '地区代码无效 not a region code',
  'bad-year': '年份无效 not a year',
  'bad-date': '日期无效 not a date',
  'bad-verification': '核验状态无效 unknown verification status',
  'bad-id': '编号无效 invalid id',
  'duplicate-id': '编号重复 duplicate id',
  'no-co2e-total': 'CO2e 总量缺失 no CO2e total (per-gas values only)',
  'format-rule': '格式规则 refused by the factor-set format',
};

/**
 * A plain-text summary of an import for the terminal: counts, reasons, units, and the first
 * `maxIssues` issues located by file, row and column.
 */
export function formatImportReport(report: ImportReport, maxIssues = 20): string {
  const lines = [
    `${report.file}${report.sheet ? ` [${report.sheet}]` : ''}${report.preset ? ` (preset ${report.preset})` : ''}`,
    `读取 read ${report.rowsRead} · 合格 good ${report.rowsGood} · 拒绝 rejected ${report.rowsRejected} · 导入 loaded ${report.rowsLoaded}`,
  ];
  for (const [code, n] of Object.entries(report.byReason) as [ImportReasonCode, number][])
    lines.push(`  ${n} × ${REASON_LABELS[code]} (${code})`);
  const units = Object.entries(report.unknownUnits);
  if (units.length) lines.push(`  units: ${units.map(([u, n]) => `${u} ×${n}`).join(', ')}`);
  for (const i of report.issues.slice(0, maxIssues)) lines.push(`  ${formatIssue(i)}`);
  if (report.issues.length > maxIssues) lines.push(`  … ${report.issues.length - maxIssues} more`);
  if (!report.set)
    lines.push(
      report.rowsRejected && report.rowsGood
        ? '未导入 nothing imported: the file has bad rows (keep the good rows to import them)'
        : '未导入 nothing imported',
    );
  return lines.join('\n');
}
