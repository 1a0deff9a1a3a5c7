/**
 * Error bodies of the PACT API: the `Error` schema of both versions ({code, message}) for
 * resources, and the OAuth 2.0 error body (RFC 6749 §5.2) for the token endpoint.
 */
export type PactErrorCode =
  | 'BadRequest'
  | 'AccessDenied'
  | 'TokenExpired'
  | 'NotFound'
  | 'InternalError'
  | 'NotImplemented'
  // PACT v2 Tech Spec error table and the conformance service use this for an unknown footprint;
  // the OpenAPI 2.3.3 enum spells it NotFound (see docs/api/pact.md).
  | 'NoSuchFootprint';

export interface PactErrorBody {
  readonly code: PactErrorCode;
  readonly message: string;
}

export const pactError = (code: PactErrorCode, message: string): PactErrorBody => ({
  code,
  message,
});

export interface OAuthErrorBody {
  readonly error: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type';
  readonly error_description: string;
}

/** The response schema of a PACT error, for the OpenAPI document. */
export const errorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: {
      type: 'string',
      enum: [
        'BadRequest',
        'AccessDenied',
        'TokenExpired',
        'NotFound',
        'InternalError',
        'NotImplemented',
        'NoSuchFootprint',
      ],
    },
    message: { type: 'string' },
  },
} as const;
