import type { FastifyInstance } from 'fastify';
import { parseBasicAuthorization } from '../../pact/credentials.js';
import type { OAuthErrorBody } from '../../pact/errors.js';
import type { PactContext } from './context.js';

const oauthError = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'string' }, error_description: { type: 'string' } },
} as const;

/**
 * POST /auth/token — PACT Action Authenticate: OAuth 2.0 client credentials grant (RFC 6749
 * §4.4) with the client authenticated by HTTP Basic, form-encoded body `grant_type=client_credentials`.
 */
export function registerAuthTokenRoute(app: FastifyInstance, ctx: PactContext): void {
  app.post<{ Body: Record<string, string | undefined> | undefined }>(
    '/auth/token',
    {
      schema: {
        tags: ['pact'],
        summary: 'PACT Action Authenticate (OAuth 2.0 client credentials)',
        consumes: ['application/x-www-form-urlencoded'],
        security: [{ basicAuth: [] }],
        body: {
          type: 'object',
          properties: {
            grant_type: { type: 'string', enum: ['client_credentials'] },
            scope: { type: 'string' },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['access_token', 'token_type', 'expires_in'],
            properties: {
              access_token: { type: 'string' },
              token_type: { type: 'string', enum: ['Bearer'] },
              expires_in: { type: 'integer' },
            },
          },
          400: oauthError,
          401: oauthError,
        },
      },
      // The grant type is checked in the handler to answer with the OAuth error body.
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
      const basic = parseBasicAuthorization(request.headers.authorization);
      const candidates = basic ? [basic.raw, ...(basic.decoded ? [basic.decoded] : [])] : [];
      const client = candidates.find((c) => ctx.checkCredentials(c.id, c.secret));
      if (!client) {
        // RFC 6749 §5.2: a failed client authentication through the Authorization header is a 401
        // with a WWW-Authenticate challenge for the scheme used.
        const body: OAuthErrorBody = {
          error: 'invalid_client',
          error_description: 'Client authentication failed',
        };
        return reply.code(401).header('www-authenticate', 'Basic realm="pact"').send(body);
      }
      const grantType = request.body?.grant_type;
      if (grantType !== 'client_credentials') {
        const body: OAuthErrorBody =
          grantType === undefined
            ? { error: 'invalid_request', error_description: 'grant_type is required' }
            : {
                error: 'unsupported_grant_type',
                error_description: `grant_type ${grantType} is not supported`,
              };
        return reply.code(400).send(body);
      }
      const { token, expiresIn } = ctx.tokens.issue(client.id, ctx.now());
      return reply.send({ access_token: token, token_type: 'Bearer', expires_in: expiresIn });
    },
  );
}
