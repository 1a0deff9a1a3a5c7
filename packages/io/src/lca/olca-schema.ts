/**
 * The parts of the openLCA JSON-LD schema (olca-schema, github.com/GreenDelta/olca-schema) that the
 * importer reads, as written by openLCA 1.5 to 2.x. Fields are optional where old exports omit them.
 */
export interface OlcaRef {
  readonly '@id': string;
  readonly name?: string;
}

export interface OlcaUnit extends OlcaRef {
  readonly conversionFactor?: number;
  readonly referenceUnit?: boolean;
}

export interface OlcaUnitGroup extends OlcaRef {
  readonly units?: readonly OlcaUnit[];
}

export interface OlcaFlowProperty extends OlcaRef {
  readonly unitGroup?: OlcaRef;
}

export interface OlcaFlowPropertyFactor {
  readonly flowProperty?: OlcaRef;
  readonly conversionFactor?: number;
  readonly referenceFlowProperty?: boolean;
}

export interface OlcaFlow extends OlcaRef {
  readonly flowType?: 'ELEMENTARY_FLOW' | 'PRODUCT_FLOW' | 'WASTE_FLOW';
  readonly cas?: string;
  readonly category?: OlcaRef;
  readonly location?: OlcaRef;
  readonly flowProperties?: readonly OlcaFlowPropertyFactor[];
}

export interface OlcaExchange {
  readonly input?: boolean;
  readonly amount?: number;
  readonly quantitativeReference?: boolean;
  readonly avoidedProduct?: boolean;
  readonly flow?: OlcaRef;
  readonly unit?: OlcaRef;
  readonly flowProperty?: OlcaRef;
  readonly defaultProvider?: OlcaRef;
}

export interface OlcaProcess extends OlcaRef {
  readonly location?: OlcaRef & { readonly code?: string };
  readonly exchanges?: readonly OlcaExchange[];
  readonly allocationFactors?: readonly unknown[];
}

export interface OlcaCategory extends OlcaRef {
  readonly category?: OlcaRef;
}

export interface OlcaLocation extends OlcaRef {
  readonly code?: string;
}
