// HTTP factor lookup: carbonbase's API (buildServer from @carbonbase/api, GET /api/v1/factors/<id>)
// against a bare Fastify server answering the same JSON from a Map, both on loopback, measured
// with autocannon (50 connections) from another process than the server's.
//   node bench/http-side.mjs <seconds>          measure both, print one JSON line
//   node bench/http-side.mjs serve ours|bare    (internal) serve and print the port
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildServer } from '@carbonbase/api';
import { toFactorJson } from '@carbonbase/factors';
import { factorBase } from './data.mjs';

const base = await factorBase();
// Lookups spread over the grid factors, the records national inventories ask for most.
const ids = base
  .all()
  .filter((r) => r.kind === 'grid')
  .map((r) => r.id);

if (process.argv[2] === 'serve') {
  let app;
  if (process.argv[3] === 'ours') {
    app = buildServer({ factors: { factorBase: () => Promise.resolve(base) } });
  } else {
    const map = new Map(base.all().map((r) => [r.id, toFactorJson(r)]));
    app = Fastify();
    app.get('/api/v1/factors/*', (request, reply) => {
      const f = map.get(request.params['*']);
      return f ? f : reply.code(404).send({ code: 'not-found' });
    });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(app.server.address().port);
} else {
  const seconds = Number(process.argv[2] ?? 5);
  const measure = async (which) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'serve', which], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [data] = await once(child.stdout, 'data');
    const port = Number(String(data).trim());
    const requests = ids.map((id) => ({ method: 'GET', path: `/api/v1/factors/${id}` }));
    const run = (duration) =>
      autocannon({ url: `http://127.0.0.1:${port}`, connections: 50, duration, requests });
    await run(1); // warm-up: JIT and connection set-up
    const r = await run(seconds);
    child.kill();
    return {
      requestsPerSecond: r.requests.average,
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors,
    };
  };
  const ours = await measure('ours');
  const bare = await measure('bare');
  console.log(JSON.stringify({ ours, bare, ids: ids.length }));
}
