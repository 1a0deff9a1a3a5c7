import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export interface WebOptions {
  /** Folder of the built web app (packages/web/dist). */
  readonly dir: string;
}

/**
 * Serves the built web app next to the API. Paths the API does not know go to index.html, so
 * the app's own routes (/factors?q=…) survive a reload; unknown API paths stay JSON 404s.
 */
export function webApp(app: FastifyInstance, options: WebOptions): void {
  // Registered on the root instance (not as an encapsulated plugin) so the not-found handler
  // covers every path.
  void app.register(fastifyStatic, { root: options.dir, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method !== 'GET' || /^\/(api|auth|docs|[23])(\/|$)/.test(path)) {
      return reply.code(404).send({
        code: 'not-found',
        message: { zh: `未找到 ${path}`, en: `not found: ${path}` },
      });
    }
    return reply.sendFile('index.html');
  });
}
