import type { PactSchemas, PactVersion } from '@carbonbase/pact';
import { errorSchema } from '../../pact/errors.js';

/**
 * JSON schemas of the PACT routes, for request validation and the OpenAPI document. Response
 * bodies embed the official ProductFootprint schema of the version; they document, and are not
 * used to serialise (see footprints routes).
 */
export function footprintResponseSchemas(schemas: PactSchemas, version: PactVersion) {
  const footprint = schemas.inlined(version, 'ProductFootprint');
  return {
    list: {
      200: {
        description: 'A page of footprints; a `Link` header (rel="next") points to the next page.',
        type: 'object',
        required: ['data'],
        properties: { data: { type: 'array', items: footprint } },
      },
      400: errorSchema,
      401: errorSchema,
    },
    get: {
      200: { type: 'object', required: ['data'], properties: { data: footprint } },
      400: errorSchema,
      401: errorSchema,
      404: errorSchema,
    },
  };
}

const stringList = { type: 'array', items: { type: 'string' } } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const page = {
  limit: { type: 'integer', minimum: 1, description: 'Page size (PACT `limit`).' },
  offset: {
    type: 'integer',
    minimum: 0,
    description: 'Position in the list, set by the pagination links.',
  },
} as const;

/** ListFootprints v3 query: the spec's filters; repeated parameters combine with OR. */
export const listQueryV3 = {
  type: 'object',
  properties: {
    ...page,
    productId: stringList,
    companyId: stringList,
    geography: stringList,
    classification: stringList,
    status: { ...stringList, description: 'Active or Deprecated; other values match nothing.' },
    validOn: dateTime,
    validAfter: dateTime,
    validBefore: dateTime,
    $filter: {
      type: 'string',
      description: 'The v2 OData filter, deprecated in v3: answered with 400.',
    },
  },
} as const;

export interface ListQueryV3 {
  limit?: number;
  offset?: number;
  productId?: string[];
  companyId?: string[];
  geography?: string[];
  classification?: string[];
  status?: string[];
  validOn?: string;
  validAfter?: string;
  validBefore?: string;
  $filter?: string;
}

/** ListFootprints v2 query: `limit` and the OData `$filter`. */
export const listQueryV2 = {
  type: 'object',
  properties: {
    ...page,
    $filter: {
      type: 'string',
      description:
        "OData subset: eq/ne/lt/le/gt/ge on a property path, any(), and; e.g. created ge '2024-01-01T00:00:00Z'",
    },
  },
} as const;

export interface ListQueryV2 {
  limit?: number;
  offset?: number;
  $filter?: string;
}

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', description: 'The footprint id (a UUID).' } },
} as const;
