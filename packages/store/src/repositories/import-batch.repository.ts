import type { Queryable } from '../database.js';
import { isUuid } from './ids.js';

export interface NewImportBatch {
  readonly tenantId: string;
  readonly enterpriseId: string;
  readonly fileName: string;
  /** sha256 of the file's bytes. */
  readonly fileSha256: string;
  readonly sizeBytes: number;
  readonly rowsRead: number;
  /** Cells whose value or parameters changed, so a new version was appended. */
  readonly versionsAdded: number;
  /** Cells that already held the same figure (the same file imported again). */
  readonly unchanged: number;
  readonly sourcesCreated: number;
  readonly importedBy: string;
}

export interface ImportBatch extends NewImportBatch {
  readonly id: string;
  readonly importedAt: Date;
}

interface BatchRow {
  tenant_id: string;
  id: string;
  enterprise_id: string;
  file_name: string;
  file_sha256: string;
  size_bytes: number;
  rows_read: number;
  versions_added: number;
  unchanged: number;
  sources_created: number;
  imported_by: string;
  imported_at: Date;
}

const COLUMNS = `tenant_id, id, enterprise_id, file_name, file_sha256, size_bytes, rows_read,
  versions_added, unchanged, sources_created, imported_by, imported_at`;

const toBatch = (r: BatchRow): ImportBatch => ({
  tenantId: r.tenant_id,
  id: r.id,
  enterpriseId: r.enterprise_id,
  fileName: r.file_name,
  fileSha256: r.file_sha256,
  sizeBytes: r.size_bytes,
  rowsRead: r.rows_read,
  versionsAdded: r.versions_added,
  unchanged: r.unchanged,
  sourcesCreated: r.sources_created,
  importedBy: r.imported_by,
  importedAt: r.imported_at,
});

/** The record of accepted imports; written in the same transaction as the data it imported. */
export class ImportBatchRepository {
  constructor(private readonly db: Queryable) {}

  async record(b: NewImportBatch): Promise<ImportBatch> {
    const [row] = await this.db.query<BatchRow>(
      `insert into import_batches (tenant_id, enterprise_id, file_name, file_sha256, size_bytes,
         rows_read, versions_added, unchanged, sources_created, imported_by)
       values ($1, $2::uuid, $3, $4, $5, $6, $7, $8, $9, $10) returning ${COLUMNS}`,
      [
        b.tenantId,
        b.enterpriseId,
        b.fileName,
        b.fileSha256,
        b.sizeBytes,
        b.rowsRead,
        b.versionsAdded,
        b.unchanged,
        b.sourcesCreated,
        b.importedBy,
      ],
    );
    return toBatch(row!);
  }

  /** Imports of an enterprise, newest first. */
  async list(
    tenantId: string,
    enterpriseId: string,
    page: { limit?: number; offset?: number } = {},
  ): Promise<ImportBatch[]> {
    if (!isUuid(enterpriseId)) return [];
    const rows = await this.db.query<BatchRow>(
      `select ${COLUMNS} from import_batches where tenant_id = $1 and enterprise_id = $2::uuid
       order by imported_at desc, id limit $3 offset $4`,
      [tenantId, enterpriseId, page.limit ?? 100, page.offset ?? 0],
    );
    return rows.map(toBatch);
  }
}
