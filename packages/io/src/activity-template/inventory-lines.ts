import { withoutSupplier, type ActivityLine } from './rows.js';

/**
 * Lines for one inventory document. A template keys a row by (id, month), the id naming the
 * source stream, while the engine wants every line id unique: an id that appears for more than
 * one month gets its month appended, two digits ("coal-l1" in March → "coal-l1.m03"); an id that
 * appears once keeps its id. Lines keep their order. The supplier of bought energy is not an
 * inventory field and is left out.
 */
export function activityLinesToInventoryLines(
  lines: readonly ActivityLine[],
): Omit<ActivityLine, 'supplier'>[] {
  const count = new Map<string, number>();
  for (const l of lines) count.set(l.id, (count.get(l.id) ?? 0) + 1);
  return lines
    .map(withoutSupplier)
    .map((l) =>
      (count.get(l.id) ?? 0) > 1 && l.month !== undefined
        ? { ...l, id: `${l.id}.m${String(l.month).padStart(2, '0')}` }
        : l,
    );
}
