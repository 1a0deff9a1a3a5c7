/**
 * End-to-end: the built web app, served with the factor API by Fastify, driven in Debian's
 * chromium. Builds once, serves on a random port, and saves the screenshots in docs/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactorBase } from '@carbonbase/factors';
import { bundledFactorSetsDir, loadFactorSetTree } from '@carbonbase/io';
import { buildServer } from '@carbonbase/api';

const CHROMIUM = '/usr/bin/chromium';
const webDir = fileURLToPath(new URL('..', import.meta.url));
// Screenshots go to docs/screenshots/ only when asked (UPDATE_SCREENSHOTS=1), so that a test run
// does not rewrite committed images whenever fonts differ; otherwise to a temporary folder.
const screenshots = process.env.UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url))
  : join(tmpdir(), 'carbonbase-screenshots');

let outDir: string;
let app: FastifyInstance;
let browser: Browser;
let page: Page;
let baseUrl: string;
/** Console errors, uncaught exceptions and failed responses seen by the page. */
const problems: string[] = [];

async function buildWeb(dir: string): Promise<void> {
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
      build: { outDir: dir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** The same server `carbonbase serve` runs: the factor API plus the built app. */
async function serve(dir: string): Promise<FastifyInstance> {
  const base = new FactorBase(await loadFactorSetTree(bundledFactorSetsDir()));
  const server = buildServer({
    factors: { factorBase: () => Promise.resolve(base) },
    web: { dir },
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  return server;
}

/** An antd Select: open it, type to filter, take the first match. */
async function choose(selectId: string, text: string): Promise<void> {
  await page.locator(`#${selectId}`).click();
  await page.keyboard.type(text);
  // Closed dropdowns stay in the DOM: find this select's own list (rc-select names it <id>_list).
  const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`#${selectId}_list`) });
  await dropdown.locator('.ant-select-item-option-active').waitFor();
  await page.keyboard.press('Enter');
}

/**
 * A whole-page screenshot taken with the viewport as tall as the page, so the sticky side
 * navigation spans the picture as it spans the screen.
 */
async function screenshotPage(file: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  // A string, not a function: this file is type-checked with Node's types, without the DOM's.
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await page.screenshot({ path: join(screenshots, file) });
  await page.setViewportSize(viewport);
}

/** Waits until an element stops moving (the drawer slides in). */
async function settled(locator: Locator): Promise<void> {
  let last = '';
  for (let i = 0; i < 50; i++) {
    const box = JSON.stringify(await locator.boundingBox());
    if (box === last) return;
    last = box;
    await page.waitForTimeout(100);
  }
}

function tableRow(text: string) {
  return page.locator('.ant-table-tbody tr.ant-table-row', { hasText: text }).first();
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: the web end-to-end test drives Debian's chromium. ` +
        'Install it with `apt-get install chromium` (CI does this in .ci/run).',
    );
  outDir = mkdtempSync(join(tmpdir(), 'carbonbase-web-'));
  await buildWeb(outDir);
  app = await serve(outDir);
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  baseUrl = `http://127.0.0.1:${address.port}`;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  mkdirSync(screenshots, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('排放因子库 factor library page', () => {
  it('searches in Chinese, shows provenance, switches to English and filters grid factors', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/factors$/);
    await page.getByRole('heading', { name: '排放因子库' }).waitFor();
    await tableRow('').waitFor();

    // Search 烟煤: GB/T 32151.22-2024 表C.1 gives 19.570 GJ/t.
    await page.locator('#factor-search').fill('烟煤');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=%E7%83%9F%E7%85%A4/);
    const ncv = tableRow('烟煤 低位发热量');
    await ncv.waitFor();
    expect(await ncv.innerText()).toMatch(/19\.570?\s*GJ\/t/);
    // The chart of regional grid factors has drawn its bars.
    await page.locator('svg path').first().waitFor();
    await page.getByText('华东电网', { exact: true }).first().waitFor();
    await screenshotPage('factor-library.png');

    // Details: the drawer shows where the value comes from.
    await ncv.getByRole('link').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('来源文件').waitFor();
    await drawer.getByText('表C.1', { exact: true }).waitFor();
    const details = await drawer.innerText();
    expect(details).toContain('GB/T 32151');
    expect(details).toContain('二手来源');
    expect(details).toContain('bituminous-coal.ncv@');
    await settled(drawer);
    await page.screenshot({ path: join(screenshots, 'factor-library-detail.png') });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // English: the same row by its English name.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Emission factor library' }).waitFor();
    await tableRow('Bituminous coal — net calorific value').waitFor();

    // Grid factor for a site in 华东, 2023: 0.5500 tCO2/MWh (MEE/NBS announcement).
    await page.locator('#factor-search').fill('');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await choose('factor-filter-kind', 'grid');
    await choose('factor-filter-year', '2023');
    await choose('factor-filter-region', '华东');
    await page.waitForURL(
      (url) =>
        url.searchParams.get('kind') === 'grid' &&
        url.searchParams.get('year') === '2023' &&
        url.searchParams.get('region') === 'CN-GRID-EAST',
    );
    // The URL changes before React renders it: wait for the rendered filters and rows, not only
    // for a row that the unfiltered first page might show as well.
    const region = page.locator('.ant-select', { has: page.locator('#factor-filter-region') });
    await region.getByText('East China grid', { exact: true }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect
      .poll(
        async () => {
          const texts = await rows.allInnerTexts();
          return texts.length > 0 && texts.every((t) => t.includes('2023'));
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const east = tableRow('East China grid — average electricity CO2 emission factor, 2023');
    expect(await east.innerText()).toMatch(/0\.55\s*tCO2\/MWh/);
    expect(await east.innerText()).toContain('Verified');
    await page.mouse.move(0, 0);
    await screenshotPage('factor-library-en.png');

    expect(problems).toEqual([]);
  }, 180_000);

  it('shows the API error in the chosen language when a linked factor does not exist', async () => {
    // The language chosen in the first test is remembered across visits.
    await page.goto(`${baseUrl}/factors?factor=no-such/factor`);
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Could not load the data').waitFor();
    await drawer.getByText('no factor with id no-such/factor').waitFor();
    await drawer.getByRole('button', { name: 'Retry' }).waitFor();
    expect(await page.title()).toBe('carbonbase Industrial carbon base database');
  }, 60_000);
});
