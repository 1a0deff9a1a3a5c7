/** One problem found in an input file, located precisely enough for a user to fix it. */
export interface RowIssue {
  readonly file: string;
  /** 1-based line in the file (header = 1), or sheet row in a workbook. */
  readonly row?: number;
  readonly column?: string;
  readonly reason: string;
}

export function formatIssue(i: RowIssue): string {
  const where = [
    i.file,
    i.row !== undefined ? `行 row ${i.row}` : '',
    i.column ? `列 column ${i.column}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${i.reason}`;
}

/** A factor-set file that cannot be loaded; carries every issue, not just the first. */
export class FactorSetError extends Error {
  constructor(
    readonly set: string,
    readonly issues: readonly RowIssue[],
  ) {
    super(
      `因子集 factor set ${set}: ${issues.length} 个问题 problem(s)\n` +
        issues
          .slice(0, 20)
          .map((i) => `  ${formatIssue(i)}`)
          .join('\n') +
        (issues.length > 20 ? `\n  … ${issues.length - 20} more` : ''),
    );
    this.name = 'FactorSetError';
  }
}
