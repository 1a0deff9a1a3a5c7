// The web dashboard's performance budget: time to the first meaningful paint of the enterprise
// overview on localhost (the total-emissions figure on screen, and the first chart drawn), and
// the JavaScript shipped (dist/assets/*.js, raw and gzip; and what the overview itself loads).
//   node bench/web-overview.mjs [--loads=7] [--json=out.json] [--dist=name=dir ...] [--trace]
//   import { measureWebOverview } from './web-overview.mjs'   → the same figures as an object
// Serves the production build (packages/web/dist: `npm run build -w @carbonbase/web`) with the
// API over an in-memory store seeded with the demo district, as `carbonbase serve` does, and
// loads /overview as the demo enterprise manager in Debian's chromium, each load in a fresh
// browser context (empty cache), on an unthrottled loopback. Uses the built packages.
// Several builds (`--dist=before=/tmp/old-dist --dist=after=packages/web/dist`) are measured in
// the same run, each behind its own server over the same store, their loads interleaved
// (before, after, before, after, …) so that both see the same machine load; on a shared
// machine only such a paired comparison says whether a change helped. `--trace` prints each
// build's requests of its last load (start and end, ms from navigation start).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildServer } from '@carbonbase/api';
import { currentFactorSets, loadBundledFactorSets } from '@carbonbase/app';
import { DEMO_PASSWORD, seedDemo } from '@carbonbase/app/demo';
import { FactorBase } from '@carbonbase/factors';
import { openStore } from '@carbonbase/store';

const DIST = fileURLToPath(new URL('../packages/web/dist/', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const TENANT = 'default';
const LOGIN = 'cement-manager';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Bytes of JavaScript files, raw and gzip-compressed (level 9). */
function sizes(dir, files) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    raw += statSync(dir + f).size;
    gzip += gzipSync(readFileSync(dir + f), { level: 9 }).length;
  }
  return { files: files.length, raw, gzip };
}

/**
 * The JavaScript the build ships: every file, and the first page's critical part (the entry and
 * the modules index.html preloads, all loaded and run before anything renders; lazy chunks such
 * as ECharts come later).
 */
export function javascriptShipped(dist = DIST) {
  const dir = `${dist}assets/`;
  const html = readFileSync(`${dist}index.html`, 'utf8');
  const critical = [
    ...new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1])),
  ];
  return {
    ...sizes(
      dir,
      readdirSync(dir).filter((f) => f.endsWith('.js')),
    ),
    beforeFirstRender: sizes(dir, critical),
  };
}

// Runs in the page before its scripts: records when the overview's total figure and first chart
// appear, on the page's own clock (ms since navigation start).
const MARKERS = `
  window.__marks = {};
  new MutationObserver(() => {
    const m = window.__marks;
    // the figure itself: a digit, not the dash the card shows while the run is on its way
    if (m.kpi === undefined && /\\d/.test(document.querySelector('.kpi-total .ant-statistic-content-value')?.textContent ?? ''))
      m.kpi = performance.now();
    // an ECharts drawing (its container carries _echarts_instance_), not an icon or an empty-state picture
    if (m.chart === undefined && document.querySelector('[_echarts_instance_] svg path[fill]:not([fill="none"])'))
      m.chart = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

/** One cold load of /overview: the marks, the JavaScript it loaded, its requests. */
async function loadOnce(browser, url, session) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
  });
  // Logged in already, as after the login form: the session the app keeps in sessionStorage.
  await context.addInitScript(
    `sessionStorage.setItem('carbonbase.session', ${JSON.stringify(JSON.stringify(session))});` +
      MARKERS,
  );
  const page = await context.newPage();
  await page.goto(`${url}/overview`);
  await page.waitForFunction(
    'window.__marks.kpi !== undefined && window.__marks.chart !== undefined',
    null,
    { timeout: 60_000 },
  );
  const marks = await page.evaluate(`({
    ...window.__marks,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
  })`);
  await page.waitForLoadState('networkidle');
  const requests = await page.evaluate(`performance.getEntriesByType('resource').map((e) => ({
    name: e.name.replace(location.origin, ''),
    start: Math.round(e.startTime),
    end: Math.round(e.responseEnd),
    bytes: e.decodedBodySize,
  }))`);
  // every script the page ran by the time the network is idle (lazy chunks included)
  const jsBytes = requests
    .filter((r) => r.name.endsWith('.js'))
    .reduce((sum, r) => sum + r.bytes, 0);
  await context.close();
  return { ...marks, jsBytes, requests };
}

export async function measureWebOverview({
  loads = 7,
  builds = { current: DIST },
  trace = false,
} = {}) {
  const store = await openStore({ inMemory: true });
  await loadBundledFactorSets(store);
  await store.organisations.createTenant(TENANT, TENANT);
  await seedDemo(store, TENANT);
  const base = currentFactorSets(store).then((sets) => new FactorBase(sets));
  const servers = [];
  for (const [name, dir] of Object.entries(builds)) {
    const app = buildServer({
      factors: { factorBase: () => base },
      store: { store },
      web: { dir },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    servers.push({ name, dir, app, url: `http://127.0.0.1:${app.server.address().port}` });
  }
  const url = servers[0].url;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const session = await (
      await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: TENANT, login: LOGIN, password: DEMO_PASSWORD }),
      })
    ).json();
    const samples = new Map(servers.map((s) => [s.name, []]));
    const last = new Map();
    const load1 = [];
    // One load per build to warm the server (factor base, query plans); not counted. Then the
    // builds take turns, so that a burst of load on the machine hits them alike.
    for (let i = 0; i <= loads; i++) {
      for (const s of servers) {
        const sample = await loadOnce(browser, s.url, session);
        if (i > 0) samples.get(s.name).push(sample);
        last.set(s.name, sample.requests);
      }
      load1.push(loadavg()[0]);
    }
    const result = {};
    for (const s of servers) {
      const xs = samples.get(s.name);
      const pick = (k) => Math.round(median(xs.map((x) => x[k])));
      result[s.name] = {
        medianMs: {
          firstContentfulPaint: pick('fcp'),
          domContentLoaded: pick('domContentLoaded'),
          totalEmissionsShown: pick('kpi'),
          firstChartDrawn: pick('chart'),
        },
        // every load's figure, in load order, to see the spread
        totalEmissionsShownMs: xs.map((x) => Math.round(x.kpi)),
        overviewJsBytes: pick('jsBytes'),
        shipped: javascriptShipped(s.dir.endsWith('/') ? s.dir : `${s.dir}/`),
        ...(trace && { requests: last.get(s.name) }),
      };
    }
    return {
      loads,
      // Figures scale with the machine's load: a busy machine paints later.
      machine: {
        cpus: cpus().length,
        loadavg1Median: Number(median(load1).toFixed(2)),
        loadavg1Range: [Math.min(...load1), Math.max(...load1)].map((x) => Number(x.toFixed(2))),
      },
      builds: result,
    };
  } finally {
    await browser.close();
    for (const s of servers) await s.app.close();
    await store.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const loads = Number(args.find((a) => a.startsWith('--loads='))?.slice(8) ?? 7);
  const out = args.find((a) => a.startsWith('--json='))?.slice(7);
  const dists = args.filter((a) => a.startsWith('--dist=')).map((a) => a.slice(7).split('='));
  const builds = dists.length ? Object.fromEntries(dists) : { current: DIST };
  const result = await measureWebOverview({ loads, builds, trace: args.includes('--trace') });
  const line = JSON.stringify({
    workload: 'web-overview',
    date: new Date().toISOString(),
    ...result,
  });
  console.log(line);
  if (out) writeFileSync(out, `${line}\n`);
}
