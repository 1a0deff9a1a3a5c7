import type { z } from 'zod';
import { inventorySchema, type Inventory } from './schema.js';
import { InventoryError, type DocumentIssue } from './issues.js';

/**
 * Checks a parsed JSON/YAML object against `carbonbase.inventory/v1` and returns the typed
 * inventory with every quantity parsed. Throws InventoryError listing every problem, each naming
 * the document, the line id and the field.
 */
export function parseInventory(raw: unknown, document = 'inventory'): Inventory {
  const result = inventorySchema.safeParse(raw);
  if (!result.success) {
    throw new InventoryError(result.error.issues.map((i) => toDocumentIssue(i, raw, document)));
  }
  const issues = crossCheck(result.data, document);
  if (issues.length) throw new InventoryError(issues);
  return result.data;
}

function lineLabel(raw: unknown, index: number): string {
  const lines = (raw as { lines?: unknown[] } | null)?.lines;
  const id = (lines?.[index] as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && id !== '' ? id : `lines[${index}]`;
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
    .join('');
}

function toDocumentIssue(issue: z.core.$ZodIssue, raw: unknown, document: string): DocumentIssue {
  const path = issue.path;
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `未知字段 unknown field(s): ${issue.keys.join(', ')}`;
  }
  if (issue.code === 'invalid_union' && path[path.length - 1] === 'kind') {
    message = `未知行类型 unknown line kind; ${issue.message}`;
  }
  const keyField = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : undefined;
  if (path[0] === 'lines' && typeof path[1] === 'number') {
    const rest = path.slice(2);
    return {
      document,
      line: lineLabel(raw, path[1]),
      field: keyField ?? (rest.length ? pathText(rest) : '(line)'),
      message,
    };
  }
  const base = pathText(path);
  return {
    document,
    field: keyField ? (base ? `${base}.${keyField}` : keyField) : base || '(document)',
    message,
  };
}

/** Rules that need the whole document: unique ids, known facilities, months inside the period. */
function crossCheck(inv: Inventory, document: string): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const seen = new Set<string>();
  const facilities = new Set((inv.facilities ?? []).map((f) => f.id));
  const months = inv.period.months ? new Set(inv.period.months) : undefined;
  for (const line of inv.lines) {
    if (seen.has(line.id)) {
      issues.push({ document, line: line.id, field: 'id', message: '行号重复 duplicate line id' });
    }
    seen.add(line.id);
    if (line.facility !== undefined && !facilities.has(line.facility)) {
      issues.push({
        document,
        line: line.id,
        field: 'facility',
        message: `未声明的设施 facility "${line.facility}" is not listed under facilities`,
      });
    }
    if (line.month !== undefined && months && !months.has(line.month)) {
      issues.push({
        document,
        line: line.id,
        field: 'month',
        message: `月份 ${line.month} 不在报告期内 month is outside period.months`,
      });
    }
  }
  return issues;
}
