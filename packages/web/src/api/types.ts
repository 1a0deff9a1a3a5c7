/**
 * Names for the API's resources, taken from the generated types (schema.d.ts) by route, so
 * that they follow the OpenAPI document and not the generator's `def-N` numbering.
 */
import type { GetOk, PostOk } from './client.js';

export type User = GetOk<'/api/v1/me'>;
export type Role = User['roles'][number]['role'];
export type RoleScope = User['roles'][number];
export type LoginAnswer = PostOk<'/api/v1/auth/login'>;
export type Organisation = GetOk<'/api/v1/organisation'>;
export type Park = Organisation['parks'][number];
export type Region = Organisation['regions'][number];
export type Enterprise = GetOk<'/api/v1/enterprises'>['items'][number];
export type EnterpriseDetail = GetOk<'/api/v1/enterprises/{id}'>;
export type EmissionSource = EnterpriseDetail['sources'][number];
export type ActivityVersion = GetOk<'/api/v1/enterprises/{id}/activity'>['items'][number];
export type Run = GetOk<'/api/v1/runs/{id}'>;
export type RunSummary = GetOk<'/api/v1/runs'>['items'][number];
export type Quantity = Run['figures']['total'];
export type ImportAnswer = PostOk<'/api/v1/enterprises/{id}/imports'>;

/**
 * An explanation as the engine writes it (packages/engine/src/explain/types.ts). The route
 * sends it as an open object, so the generated type says nothing of its fields; this mirrors
 * the fields the page reads, and the page checks them before use (see explanation.ts).
 */
export interface Explanation {
  readonly subject: string;
  readonly title: string;
  readonly formula: {
    readonly id: string;
    readonly text: string;
    readonly citation: {
      readonly standard: string;
      readonly clause: string;
      readonly verification: string;
    };
  };
  readonly inputs: readonly {
    readonly symbol: string;
    readonly name: string;
    readonly value: Quantity;
    readonly origin: string;
    readonly field?: string;
    readonly factor?: string;
    readonly citation?: { readonly standard: string; readonly clause: string };
  }[];
  readonly factors: readonly {
    readonly ref: string;
    readonly id: string;
    readonly version: string;
    readonly code: string;
    readonly parameter: string;
    readonly value: Quantity;
    readonly region: string;
    readonly year?: number;
    readonly set: string;
    readonly source: { readonly document: string; readonly clause?: string; readonly url?: string };
    readonly verification: string;
    readonly reasons: readonly string[];
  }[];
  readonly conversions: readonly {
    readonly what: string;
    readonly from: Quantity;
    readonly to: Quantity;
  }[];
  readonly steps: readonly {
    readonly symbol: string;
    readonly description: string;
    readonly expression: string;
    readonly value: Quantity;
  }[];
  readonly result: Quantity;
  readonly treatment: string;
  readonly notes: readonly string[];
}
