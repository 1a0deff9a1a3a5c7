/**
 * Problems found in an inventory document. Every problem names the document, the line id (when it
 * belongs to a line) and the field, so that a user can find and fix it without reading code.
 */
export interface DocumentIssue {
  /** The document's file name, or "inventory" when the caller gave none. */
  readonly document: string;
  /** The line's `id`, or its position (`lines[3]`) when the line has no usable id. */
  readonly line?: string;
  /** The field, as a path inside the line or document, e.g. `ncv`, `contracts[0].ef`, `period.year`. */
  readonly field: string;
  readonly message: string;
}

export function formatDocumentIssue(i: DocumentIssue): string {
  const where = [
    i.document,
    i.line !== undefined ? `行 line ${i.line}` : '',
    `字段 field ${i.field}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${i.message}`;
}

/** A document that cannot be accounted; carries every issue found, not just the first. */
export class InventoryError extends Error {
  constructor(readonly issues: readonly DocumentIssue[]) {
    super(
      `清单有误 inventory has ${issues.length} error(s)\n` +
        issues.map((i) => `  ${formatDocumentIssue(i)}`).join('\n'),
    );
    this.name = 'InventoryError';
  }
}
