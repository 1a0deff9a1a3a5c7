import { ROLES } from '@carbonbase/store';

/**
 * JSON Schemas of the application resources. They validate requests, serialise responses (a
 * field not listed here is not sent, so nothing internal such as a password hash can leak) and
 * feed the OpenAPI document.
 */

export const uuid = { type: 'string', format: 'uuid' } as const;
const text = { type: 'string' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const date = { type: 'string', format: 'date' } as const;
/** `YYYY-MM`. */
export const month = {
  type: 'string',
  pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
  description: '月份 month, YYYY-MM',
} as const;
export const year = { type: 'integer', minimum: 1900, maximum: 2100 } as const;
/**
 * Free-text filters: bounded so a request cannot make the database scan with a huge pattern,
 * and without NUL, which PostgreSQL text cannot hold.
 */
export const searchText = { type: 'string', maxLength: 200, pattern: '^[^\\u0000]*$' } as const;

/** The error body of the application area: `{code, message{zh,en}, details[]}`. */
export const appErrorSchema = {
  $id: 'AppError',
  type: 'object',
  required: ['code', 'message', 'details'],
  properties: {
    code: {
      type: 'string',
      enum: [
        'unauthenticated',
        'token-expired',
        'forbidden',
        'not-found',
        'validation-failed',
        'conflict',
        'bad-request',
        'payload-too-large',
        'unsupported-media-type',
        'too-many-requests',
        'internal',
      ],
      description: '机器可读错误码 machine-readable code',
    },
    message: {
      type: 'object',
      required: ['zh', 'en'],
      properties: { zh: text, en: text },
    },
    details: {
      type: 'array',
      description: '每处问题 every issue: file, row, column or field, and the reason',
      items: {
        type: 'object',
        required: ['reason'],
        properties: {
          file: text,
          sheet: { ...text, description: '工作表（Excel 文件） the workbook sheet' },
          row: { type: 'integer' },
          column: text,
          field: text,
          reason: text,
        },
      },
    },
  },
} as const;

export const quantitySchema = {
  $id: 'Quantity',
  type: 'object',
  required: ['value', 'unit'],
  properties: { value: { type: 'number' }, unit: text },
} as const;

const roleScope = {
  type: 'object',
  required: ['role'],
  properties: {
    role: { type: 'string', enum: [...ROLES] },
    regionId: uuid,
    parkId: uuid,
    enterpriseId: uuid,
  },
} as const;

export const userSchema = {
  $id: 'User',
  type: 'object',
  required: ['tenant', 'login', 'displayName', 'roles'],
  properties: {
    tenant: text,
    login: text,
    displayName: text,
    roles: { type: 'array', items: roleScope },
  },
} as const;

const named = {
  id: uuid,
  code: text,
  name: text,
  nameEn: text,
} as const;

export const regionSchema = {
  $id: 'Region',
  type: 'object',
  required: ['id', 'code', 'name'],
  properties: { ...named, parentId: uuid },
} as const;

export const parkSchema = {
  $id: 'Park',
  type: 'object',
  required: ['id', 'code', 'name', 'regionId'],
  properties: { ...named, regionId: uuid },
} as const;

export const enterpriseSchema = {
  $id: 'Enterprise',
  type: 'object',
  required: ['id', 'code', 'name', 'regionId'],
  properties: { ...named, regionId: uuid, parkId: uuid, industry: text, methodSet: text },
} as const;

export const facilitySchema = {
  $id: 'Facility',
  type: 'object',
  required: ['id', 'code', 'name', 'enterpriseId'],
  properties: { ...named, enterpriseId: uuid, kind: text },
} as const;

export const sourceSchema = {
  $id: 'EmissionSource',
  type: 'object',
  required: ['id', 'code', 'name', 'enterpriseId', 'category'],
  properties: {
    ...named,
    enterpriseId: uuid,
    facilityId: uuid,
    category: text,
    material: text,
  },
} as const;

/** Open JSON (parameters, results, explanations): sent as stored. */
export const openObject = { type: 'object', additionalProperties: true } as const;

export const activityVersionSchema = {
  $id: 'ActivityVersion',
  type: 'object',
  required: [
    'enterpriseId',
    'sourceId',
    'month',
    'quantity',
    'version',
    'recordedBy',
    'recordedAt',
    'reason',
  ],
  properties: {
    enterpriseId: uuid,
    sourceId: uuid,
    month,
    quantity: { $ref: 'Quantity#' },
    parameters: { ...openObject, description: '测量参数等 measured parameters and other fields' },
    version: { type: 'integer', minimum: 1 },
    recordedBy: text,
    recordedAt: dateTime,
    reason: text,
    origin: {
      type: 'object',
      required: ['file'],
      properties: { file: text, sheet: text, row: { type: 'integer' } },
    },
  },
} as const;

export const importBatchSchema = {
  $id: 'ImportBatch',
  type: 'object',
  required: [
    'id',
    'enterpriseId',
    'fileName',
    'fileSha256',
    'sizeBytes',
    'rowsRead',
    'versionsAdded',
    'unchanged',
    'sourcesCreated',
    'importedBy',
    'importedAt',
  ],
  properties: {
    id: uuid,
    enterpriseId: uuid,
    fileName: text,
    fileSha256: text,
    sizeBytes: { type: 'integer' },
    rowsRead: { type: 'integer' },
    versionsAdded: { type: 'integer', description: '新增版本的单元格 cells given a new version' },
    unchanged: {
      type: 'integer',
      description: '数值未变的单元格 cells that already held the figure',
    },
    sourcesCreated: { type: 'integer' },
    importedBy: text,
    importedAt: dateTime,
  },
} as const;

export const runSummarySchema = {
  $id: 'RunSummary',
  type: 'object',
  required: ['id', 'inputHash', 'methodSet', 'factorRefs', 'resultsHash', 'createdBy', 'createdAt'],
  properties: {
    id: uuid,
    enterpriseId: uuid,
    periodStart: date,
    periodEnd: date,
    inputHash: text,
    methodSet: {
      type: 'object',
      required: ['id', 'version'],
      properties: { id: text, version: text },
    },
    factorRefs: { type: 'array', items: text, description: '所用因子 factors used, id@version' },
    resultsHash: text,
    createdBy: text,
    createdAt: dateTime,
  },
} as const;

const quantities = {
  type: 'object',
  additionalProperties: { $ref: 'Quantity#' },
} as const;

/** A run with its headline figures; the full result is GET /runs/{id}/report.json. */
export const runSchema = {
  $id: 'Run',
  type: 'object',
  required: [...runSummarySchema.required, 'figures'],
  properties: {
    ...runSummarySchema.properties,
    figures: {
      type: 'object',
      required: ['total', 'byScope', 'byGas', 'byKind', 'byFacility', 'byMonth', 'biomassCO2'],
      properties: {
        total: { $ref: 'Quantity#' },
        byScope: quantities,
        byGas: quantities,
        byKind: quantities,
        byFacility: quantities,
        byMonth: quantities,
        biomassCO2: { $ref: 'Quantity#' },
      },
    },
  },
} as const;

export const periodSchema = {
  $id: 'ReportingPeriod',
  type: 'object',
  required: ['enterpriseId', 'startsOn', 'endsOn', 'status', 'updatedAt'],
  properties: {
    enterpriseId: uuid,
    startsOn: date,
    endsOn: date,
    status: { type: 'string', enum: ['open', 'submitted', 'returned', 'accepted'] },
    updatedAt: dateTime,
  },
} as const;

export const periodCommentSchema = {
  $id: 'PeriodComment',
  type: 'object',
  required: ['id', 'author', 'authorRole', 'body', 'createdAt'],
  properties: {
    id: uuid,
    author: text,
    authorRole: text,
    body: text,
    createdAt: dateTime,
  },
} as const;

export const APP_SCHEMAS = [
  appErrorSchema,
  quantitySchema,
  userSchema,
  regionSchema,
  parkSchema,
  enterpriseSchema,
  facilitySchema,
  sourceSchema,
  activityVersionSchema,
  importBatchSchema,
  runSummarySchema,
  runSchema,
  periodSchema,
  periodCommentSchema,
] as const;

const error = { $ref: 'AppError#' } as const;

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const errors = {
  400: error,
  401: error,
  403: error,
  404: error,
} as const;

export const withErrors = <T extends object>(ok: T, ...more: (409 | 413 | 415 | 422)[]) => ({
  ...ok,
  ...errors,
  ...Object.fromEntries(more.map((s) => [s, error])),
});

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: uuid },
} as const;

export const items = (ref: string) =>
  ({
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: { $ref: `${ref}#` } } },
  }) as const;

export const TAGS = {
  auth: ['auth 登录与令牌'],
  organisation: ['organisation 组织'],
  activity: ['activity 活动数据'],
  runs: ['runs 核算'],
  periods: ['periods 报告期审核'],
} as const;
