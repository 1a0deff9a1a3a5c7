/**
 * Errors of the application layer. Each carries a machine-readable code, a message in Chinese
 * and English, and details (file, sheet, row, column) so that the API, the CLI and the web can
 * show the user exactly what to fix without knowing the use-case.
 */
export type AppErrorCode =
  | 'unauthenticated'
  | 'token-expired'
  | 'forbidden'
  | 'not-found'
  | 'validation-failed'
  | 'conflict';

export interface ErrorDetail {
  readonly file?: string;
  /** The workbook sheet the row is on (a CSV has none). */
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  readonly field?: string;
  readonly reason: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(`${zh} ${en}`);
  }
}

export const forbidden = (zh: string, en: string): AppError => new AppError('forbidden', zh, en);

export const notFound = (what: { zh: string; en: string }, id: string): AppError =>
  new AppError('not-found', `未找到${what.zh} ${id}`, `${what.en} ${id} not found`);
