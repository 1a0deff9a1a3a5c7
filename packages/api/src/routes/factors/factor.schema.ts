import { FACTOR_KINDS, VERIFICATION_STATUSES } from '@carbonbase/factors';

/** JSON Schemas of the factor resources: they validate requests and feed the OpenAPI document. */
export const factorSchema = {
  $id: 'Factor',
  type: 'object',
  required: [
    'id',
    'name',
    'nameEn',
    'kind',
    'code',
    'parameter',
    'value',
    'unit',
    'region',
    'set',
    'version',
    'source',
    'licence',
    'verification',
  ],
  properties: {
    id: { type: 'string', description: '稳定编号 stable id `<set>/<row id>`' },
    name: { type: 'string' },
    nameEn: { type: 'string' },
    kind: { type: 'string', enum: [...FACTOR_KINDS] },
    code: { type: 'string' },
    parameter: { type: 'string' },
    value: { type: 'number' },
    unit: { type: 'string', description: '单位 unit expression, e.g. tCO2/MWh' },
    gas: { type: ['string', 'null'] },
    region: { type: 'string' },
    year: { type: ['integer', 'null'] },
    validFrom: { type: ['string', 'null'] },
    validTo: { type: ['string', 'null'] },
    basis: { type: ['string', 'null'] },
    set: { type: 'string' },
    version: { type: 'string' },
    source: {
      type: 'object',
      required: ['document'],
      properties: {
        document: { type: 'string' },
        clause: { type: 'string' },
        url: { type: 'string' },
        publisher: { type: 'string' },
      },
    },
    licence: { type: 'string' },
    verification: { type: 'string', enum: [...VERIFICATION_STATUSES] },
    aliases: { type: 'array', items: { type: 'string' } },
    notes: { type: ['string', 'null'] },
  },
} as const;

export const factorSetSchema = {
  $id: 'FactorSet',
  type: 'object',
  required: ['id', 'version', 'name', 'nameEn', 'publisher', 'licence', 'released', 'records'],
  properties: {
    id: { type: 'string' },
    version: { type: 'string' },
    name: { type: 'string' },
    nameEn: { type: 'string' },
    publisher: { type: 'string' },
    licence: { type: 'string' },
    released: { type: 'string' },
    records: { type: 'integer' },
  },
} as const;

export const apiErrorSchema = {
  $id: 'ApiError',
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', description: '机器可读错误码 machine-readable code' },
    message: {
      type: 'object',
      required: ['zh', 'en'],
      properties: { zh: { type: 'string' }, en: { type: 'string' } },
    },
    details: { type: 'object', additionalProperties: true },
  },
} as const;
