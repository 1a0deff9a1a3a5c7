/** A linear term: coefficient × variable. */
export interface Term {
  readonly coef: number;
  readonly name: string;
}

export interface Row {
  readonly name: string;
  readonly terms: readonly Term[];
  readonly sense: '<=' | '>=' | '=';
  readonly rhs: number;
}

/** A 0–1 model: every column is binary. */
export interface BinaryModel {
  readonly sense: 'Minimize' | 'Maximize';
  readonly objective: readonly Term[];
  readonly rows: readonly Row[];
  readonly columns: readonly string[];
}

/**
 * Writes CPLEX LP text. Numbers are written in full (`String(n)`); signs are folded into the
 * operator because LP format does not accept "+ -3 x".
 */
export function writeLp(m: BinaryModel): string {
  const expr = (terms: readonly Term[]) => {
    const live = terms.filter((t) => t.coef !== 0);
    if (live.length === 0) return `0 ${m.columns[0] ?? 'x0'}`;
    return live
      .map((t, i) => {
        const sign = t.coef < 0 ? '-' : i === 0 ? '' : '+';
        return `${sign}${sign ? ' ' : ''}${num(Math.abs(t.coef))} ${t.name}`;
      })
      .join(' ');
  };
  const lines = [m.sense, ` obj: ${expr(m.objective)}`, 'Subject To'];
  for (const r of m.rows) lines.push(` ${r.name}: ${expr(r.terms)} ${r.sense} ${num(r.rhs)}`);
  lines.push('Bounds');
  for (const c of m.columns) lines.push(` 0 <= ${c} <= 1`);
  lines.push('Binary', ` ${m.columns.join(' ')}`, 'End');
  return lines.join('\n');
}

function num(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite coefficient: ${n}`);
  return String(n);
}
