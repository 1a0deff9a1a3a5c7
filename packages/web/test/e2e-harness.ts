/**
 * The dashboard as users get it, for the end-to-end tests: the production build served by the
 * API (the same `buildServer` that `carbonbase serve` runs) over an in-memory store holding the
 * bundled factor sets and the demo district, driven in Debian's chromium.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { buildServer } from '@carbonbase/api';
import { currentFactorSets, loadBundledFactorSets } from '@carbonbase/app';
import { DEMO_PASSWORD, seedDemo } from '@carbonbase/app/demo';
import { FactorBase } from '@carbonbase/factors';
import { openStore, type Store } from '@carbonbase/store';

export const CHROMIUM = '/usr/bin/chromium';
export const TENANT = 'default';
export { DEMO_PASSWORD };
const webDir = fileURLToPath(new URL('..', import.meta.url));

/** Builds the production bundle into `outDir`. */
export async function buildWeb(outDir: string): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build; the test
  // drives the production build that users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: webDir,
      configFile: join(webDir, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** An in-memory store with the bundled factor sets and the demo district in tenant `default`. */
export async function demoStore(): Promise<Store> {
  const store = await openStore({ inMemory: true });
  await loadBundledFactorSets(store);
  await store.organisations.createTenant(TENANT, TENANT);
  await seedDemo(store, TENANT);
  return store;
}

/** What `carbonbase serve` runs: factors, the application area and the built app. */
export async function serve(
  store: Store,
  webDist: string,
): Promise<{ app: FastifyInstance; url: string }> {
  const base = currentFactorSets(store).then((sets) => new FactorBase(sets));
  const app = buildServer({
    factors: { factorBase: () => base },
    store: { store },
    web: { dir: webDist },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return { app, url: `http://127.0.0.1:${address.port}` };
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: the web end-to-end tests drive Debian's chromium. ` +
        'Install it with `apt-get install chromium` (CI does this in .ci/run).',
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface Dashboard {
  readonly url: string;
  readonly browser: Browser;
  readonly store: Store;
  close(): Promise<void>;
}

export async function startDashboard(): Promise<Dashboard> {
  const outDir = mkdtempSync(join(tmpdir(), 'carbonbase-web-'));
  const [, store] = await Promise.all([buildWeb(outDir), demoStore()]);
  const { app, url } = await serve(store, outDir);
  const browser = await launchChromium();
  return {
    url,
    browser,
    store,
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh browser context (its own sessionStorage, so its own login) whose console errors,
 * uncaught exceptions and failed responses are collected in `problems`. `allowed` lists
 * responses a scenario expects (the 422 of a bad file).
 */
export async function openPage(
  dashboard: Dashboard,
  options: { locale?: string; width?: number; height?: number } = {},
): Promise<{ page: Page; problems: string[]; allow: (pattern: RegExp) => void }> {
  const context = await dashboard.browser.newContext({
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    locale: options.locale ?? 'zh-CN',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const allowed: RegExp[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // Chromium logs every 4xx response as a console error too; those are judged below.
    if (/Failed to load resource: the server responded with a status of/.test(text)) return;
    problems.push(`console: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    const line = `HTTP ${response.status()} ${response.request().method()} ${response.url()}`;
    if (response.status() >= 400 && !allowed.some((p) => p.test(line))) problems.push(line);
  });
  return { page, problems, allow: (pattern) => allowed.push(pattern) };
}

/** Logs in through the login form and waits for the landing page. */
export async function logIn(page: Page, url: string, login: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.locator('#login-tenant').fill(TENANT);
  await page.locator('#login-name').fill(login);
  await page.locator('#login-password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * A whole-page screenshot taken with the viewport as tall as the page, so the sticky side
 * navigation spans the picture as it spans the screen.
 */
export async function screenshotPage(page: Page, file: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  // A string, not a function: this file is type-checked with Node's types, without the DOM's.
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await page.screenshot({ path: file });
  await page.setViewportSize(viewport);
}
