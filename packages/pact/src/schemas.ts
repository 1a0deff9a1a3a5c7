import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { DECIMAL_PATTERN } from './decimal.js';
import type { PactVersion } from './pact-types.js';

/**
 * The official PACT OpenAPI documents hold the JSON Schemas under components/schemas with refs
 * of the form `#/components/schemas/X`. They are compiled here as one JSON Schema 2020-12 document
 * per version, with `$defs` in place of `components/schemas`, so Ajv resolves every ref without
 * knowing about OpenAPI. The caller reads the files; this module does no I/O.
 */
export interface PactOpenApiSources {
  /** openapi_v2_3.yaml as text, or already parsed. */
  readonly v2: string | object;
  /** openapi_v3_0.yaml as text, or already parsed. */
  readonly v3: string | object;
}

/** The names of the schemas carbonbase validates against. */
export type PactSchemaName =
  | 'ProductFootprint'
  | 'PublishedEvent'
  | 'RequestCreatedEvent'
  | 'RequestFulfilledEvent'
  | 'RequestRejectedEvent'
  | 'Error';

export interface PactSchemas {
  /** The specification version of each document (info.version), e.g. "3.0.4". */
  readonly specVersions: Readonly<Record<PactVersion, string>>;
  /** The compiled validator for a named schema of one version. */
  validator(version: PactVersion, name: PactSchemaName): ValidateFunction;
  /** The schema objects with refs rewritten to `#/$defs/…`. */
  readonly definitions: Readonly<Record<PactVersion, Readonly<Record<string, unknown>>>>;
  /**
   * A named schema with every ref replaced by its target, self-contained for embedding in
   * another document (the API's OpenAPI). The PACT schemas have no recursive refs.
   */
  inlined(version: PactVersion, name: PactSchemaName): Record<string, unknown>;
}

// ajv-formats is CommonJS; under NodeNext its default import is the module, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

const REF_PREFIX = '#/components/schemas/';

export function loadPactSchemas(sources: PactOpenApiSources): PactSchemas {
  const ajv = new Ajv2020({
    allErrors: true,
    // The official schemas use `oneOf` branches with `required` only and no `type`, which is
    // valid JSON Schema; strictTypes would only add warnings about it.
    strictTypes: false,
    strictRequired: false,
  });
  addFormats(ajv);
  addPactFormats(ajv);
  const definitions = {} as Record<PactVersion, Record<string, unknown>>;
  const specVersions = {} as Record<PactVersion, string>;
  for (const version of ['2', '3'] as const) {
    const source = sources[`v${version}`];
    const parsed: unknown = typeof source === 'string' ? parse(source) : source;
    const doc = asObject(parsed, `PACT v${version} OpenAPI document`);
    const info = asObject(doc.info, 'info');
    specVersions[version] = String(info.version);
    // Catches swapped documents, which would otherwise validate v3 footprints as v2.
    if (!specVersions[version].startsWith(`${version}.`)) {
      throw new Error(`the v${version} source is the PACT API spec ${specVersions[version]}`);
    }
    const components = asObject(doc.components, 'components');
    const schemas = asObject(rewrite(components.schemas), 'components.schemas');
    definitions[version] = schemas;
    ajv.addSchema({ $id: schemaId(version), $defs: schemas });
  }
  return {
    specVersions,
    definitions,
    validator(version, name) {
      const validate = ajv.getSchema(`${schemaId(version)}#/$defs/${name}`);
      if (!validate) throw new Error(`PACT v${version} has no schema ${name}`);
      return validate;
    },
    inlined(version, name) {
      const defs = definitions[version];
      return asObject(inline(defs[name], defs, []), name);
    },
  };
}

function inline(node: unknown, defs: Readonly<Record<string, unknown>>, trail: string[]): unknown {
  if (Array.isArray(node)) return node.map((n) => inline(n, defs, trail));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
      const name = value.slice('#/$defs/'.length);
      if (trail.includes(name)) throw new Error(`recursive ref ${[...trail, name].join(' → ')}`);
      Object.assign(out, inline(defs[name], defs, [...trail, name]));
    } else {
      out[key] = inline(value, defs, trail);
    }
  }
  return out;
}

const schemaId = (version: PactVersion) =>
  `https://carbonbase.invalid/pact/v${version}/schemas.json`;

/**
 * Copies a schema tree, turning OpenAPI refs into $defs refs and dropping the `x-` annotations
 * (documentation for humans, unknown to JSON Schema, and rejected by Ajv's strict mode).
 */
function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) {
      out[key] = `#/$defs/${value.slice(REF_PREFIX.length)}`;
    } else {
      out[key] = rewrite(value);
    }
  }
  return out;
}

/** Formats the PACT schemas name that are not JSON Schema's own. */
function addPactFormats(ajv: Ajv2020): void {
  ajv.addFormat('decimal', DECIMAL_PATTERN);
  // RFC 8141: "urn:" NID ":" NSS; the schemas' own pattern only checks the prefix.
  ajv.addFormat('urn', /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i);
  ajv.addFormat('uint', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 });
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat('float', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${what} is not an object`);
  }
  return value as Record<string, unknown>;
}

export type { ErrorObject };
