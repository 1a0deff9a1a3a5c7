import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import type { PactPartner } from '../src/index.js';
import { CLIENT } from './helpers.js';

/** What the requester's events endpoint received: the headers that matter and the event. */
export interface ReceivedCallback {
  readonly path: string;
  readonly authorization: string;
  readonly contentType: string;
  readonly event: Record<string, unknown> & { data: Record<string, unknown> };
}

/**
 * A data recipient (the role the PACT conformance service plays in cases #13 and #14.B), started
 * on 127.0.0.1 port 0 inside the test: its own /auth/token issues a token to the credentials it
 * gave us, its /2/events and /3/events accept CloudEvents only with that token. `failNext`
 * answers the next events POSTs with 503, to see the host retry.
 */
export async function startRequester() {
  const ours = { clientId: 'carbonbase-host', clientSecret: 'partner:secret%1' };
  const token = randomBytes(12).toString('hex');
  const received: ReceivedCallback[] = [];
  const pending: ReceivedCallback[] = [];
  const waiting: ((c: ReceivedCallback) => void)[] = [];
  let failures = 0;
  const app = Fastify();
  app.addContentTypeParser(
    'application/cloudevents+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'ignore'),
  );
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.post('/auth/token', async (request, reply) => {
    // RFC 6749 §2.3.1: id and secret form-encoded, then base64 (as the host sends them).
    const expected = `Basic ${Buffer.from(
      `${encodeURIComponent(ours.clientId)}:${encodeURIComponent(ours.clientSecret)}`,
    ).toString('base64')}`;
    const body = request.body as Record<string, string>;
    if (request.headers.authorization !== expected || body.grant_type !== 'client_credentials')
      return reply
        .code(401)
        .send({ error: 'invalid_client', error_description: 'bad credentials' });
    return { access_token: token, token_type: 'bearer' };
  });
  for (const version of ['2', '3'])
    app.post(`/${version}/events`, async (request, reply) => {
      if (request.headers.authorization !== `Bearer ${token}`)
        return reply.code(401).send({ code: 'BadRequest', message: 'Invalid token provided' });
      if (failures > 0) {
        failures--;
        return reply.code(503).send();
      }
      const c: ReceivedCallback = {
        path: request.url,
        authorization: request.headers.authorization,
        contentType: String(request.headers['content-type']),
        event: request.body as ReceivedCallback['event'],
      };
      received.push(c);
      const waiter = waiting.shift();
      if (waiter) waiter(c);
      else pending.push(c);
      return reply.code(200).send();
    });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const partner: PactPartner = { clientId: CLIENT.clientId, baseUrl: address, credentials: ours };
  return {
    partner,
    received,
    /** The next callback to arrive, or the earliest one not yet taken. */
    next(): Promise<ReceivedCallback> {
      const c = pending.shift();
      return c ? Promise.resolve(c) : new Promise((resolve) => waiting.push(resolve));
    },
    failNext(n: number) {
      failures = n;
    },
    close: () => app.close(),
  };
}

export type Requester = Awaited<ReturnType<typeof startRequester>>;
