// The web dashboard's performance budget: time to the first meaningful paint of the enterprise
// overview on localhost (the total-emissions figure on screen, and the first chart drawn), and
// the JavaScript shipped (dist/assets/*.js, raw and gzip; and what the overview itself loads).
//   node bench/web-overview.mjs [--loads=7] [--json=out.json]
//   import { measureWebOverview } from './web-overview.mjs'   → the same figures as an object
// Serves the production build (packages/web/dist: `npm run build -w @carbonbase/web`) with the
// API over an in-memory store seeded with the demo district, as `carbonbase serve` does, and
// loads /overview as the demo enterprise manager in Debian's chromium, each load in a fresh
// browser context (empty cache), on an unthrottled loopback. Uses the built packages.
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

/** Bytes of every JavaScript file the build ships, raw and gzip-compressed (level 9). */
export function javascriptShipped(dist = DIST) {
  const dir = `${dist}assets/`;
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    raw += statSync(dir + f).size;
    gzip += gzipSync(readFileSync(dir + f), { level: 9 }).length;
  }
  return { files: files.length, raw, gzip };
}

// Runs in the page before its scripts: records when the overview's first figure and first chart
// appear, on the page's own clock (ms since navigation start).
const MARKERS = `
  window.__marks = {};
  new MutationObserver(() => {
    const m = window.__marks;
    if (m.kpi === undefined && document.querySelector('.kpi-total .ant-statistic-content-value'))
      m.kpi = performance.now();
    if (m.chart === undefined && document.querySelector('.ant-card svg path[fill]:not([fill="none"])'))
      m.chart = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

export async function measureWebOverview({ loads = 7 } = {}) {
  const store = await openStore({ inMemory: true });
  await loadBundledFactorSets(store);
  await store.organisations.createTenant(TENANT, TENANT);
  await seedDemo(store, TENANT);
  const base = currentFactorSets(store).then((sets) => new FactorBase(sets));
  const app = buildServer({
    factors: { factorBase: () => base },
    store: { store },
    web: { dir: DIST },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${app.server.address().port}`;
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
    const samples = [];
    // One load to warm the server (factor base, query plans); not counted.
    for (let i = 0; i <= loads; i++) {
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
      let jsBytes = 0;
      page.on('response', async (r) => {
        if (r.url().endsWith('.js'))
          jsBytes += (await r.body().catch(() => Buffer.alloc(0))).length;
      });
      await page.goto(`${url}/overview`);
      await page.waitForFunction(
        'window.__marks.kpi !== undefined && window.__marks.chart !== undefined',
        null,
        {
          timeout: 60_000,
        },
      );
      const marks = await page.evaluate(`({
        ...window.__marks,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
      })`);
      await page.waitForLoadState('networkidle');
      if (i > 0) samples.push({ ...marks, jsBytes });
      await context.close();
    }
    const pick = (k) => Math.round(median(samples.map((s) => s[k])));
    return {
      loads,
      // Figures scale with the machine's load: a busy machine paints later.
      machine: { cpus: cpus().length, loadavg1: Number(loadavg()[0].toFixed(2)) },
      medianMs: {
        firstContentfulPaint: pick('fcp'),
        domContentLoaded: pick('domContentLoaded'),
        totalEmissionsShown: pick('kpi'),
        firstChartDrawn: pick('chart'),
      },
      overviewJsBytes: pick('jsBytes'),
      shipped: javascriptShipped(),
    };
  } finally {
    await browser.close();
    await app.close();
    await store.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const loads = Number(args.find((a) => a.startsWith('--loads='))?.slice(8) ?? 7);
  const out = args.find((a) => a.startsWith('--json='))?.slice(7);
  const result = await measureWebOverview({ loads });
  const line = JSON.stringify({
    workload: 'web-overview',
    date: new Date().toISOString(),
    ...result,
  });
  console.log(line);
  if (out) writeFileSync(out, `${line}\n`);
}
