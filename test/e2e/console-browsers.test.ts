import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMasterKey } from '@ionflux/kit/crypto';
import { freePort } from '@ionflux/kit/server';
import {
  DEMO_SHOP,
  type LlmSimulator,
  type ShopifySimulator,
  startLlmSimulator,
  startShopifySimulator,
} from '@ionflux/sandbox';
import { postGraphQL } from '@ionflux/testing/http';
import { connectShopifyStore, type SystemUnderTest, shopifyEnv, startSystem } from '@ionflux/testing/system';
import puppeteer from 'puppeteer-core';
import { Builder, By, until, type WebDriver } from 'selenium-webdriver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The console in the two engines besides Chromium (issue 18: "works in Chromium, Firefox and WebKit"):
// Debian's Firefox ESR over WebDriver BiDi (puppeteer-core) and WebKitGTK's MiniBrowser through
// WebKitWebDriver (selenium-webdriver) on a private Xvfb display, against the running system with a
// connected demo store and an LLM call made. Each page is opened from its link, must render its data
// with no error, the LLM page its uPlot chart; nothing may be fetched off the loopback interface.

const FIREFOX = '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB = '/usr/bin/Xvfb';
const PAGES = [
  ['connections', 'Connections'],
  ['webhooks', 'Webhooks'],
  ['llm', 'LLM usage'],
  ['sales', 'Sales'],
  ['notifications', 'Notifications'],
] as const;

const shotsDir = join(fileURLToPath(new URL('../../', import.meta.url)), 'test-results', 'console');

let llm: LlmSimulator;
let simulator: ShopifySimulator;
let system: SystemUnderTest;

/** What a page shows once rendered: read the same way in each engine, by a script in the page. */
type Rendered = { heading: string; alerts: string[]; text: string; charts: number; offOrigin: string[] };
const READ_PAGE = `
  const main = document.querySelector('main');
  return {
    heading: main?.querySelector('h2')?.textContent ?? '',
    alerts: [...document.querySelectorAll('[role=alert]')].map((e) => e.textContent),
    text: main?.textContent ?? '',
    charts: [...document.querySelectorAll('figure.chart')].filter(
      (f) => f.querySelector('canvas') && JSON.parse(f.getAttribute('data-chart') ?? 'null')?.series?.length > 0,
    ).length,
    // Every resource the document fetched (scripts, styles, fetch calls), by the page's own record.
    offOrigin: performance.getEntriesByType('resource').map((e) => e.name)
      .filter((url) => !['127.0.0.1', 'localhost'].includes(new URL(url).hostname)),
  };`;

function expectRendered(name: string, rendered: Rendered): void {
  expect(rendered.alerts, name).toEqual([]);
  expect(rendered.offOrigin, name).toEqual([]);
  if (name === 'connections') expect(rendered.text).toContain(DEMO_SHOP);
  if (name === 'llm') {
    expect(rendered.text).toContain('OPENAI');
    expect(rendered.charts).toBeGreaterThan(0);
  }
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const consoleUrl = () => `${system.gatewayUrl}/console#token=${system.token}`;

beforeAll(async () => {
  await mkdir(shotsDir, { recursive: true });
  const openaiKey = `sk-central-${randomBytes(12).toString('hex')}`;
  const keys = {
    apiKey: `e2e-${randomUUID().slice(0, 8)}`,
    apiSecret: `e2e-secret-${randomUUID()}`,
    masterKey: generateMasterKey('e2e-console-browsers'),
  };
  [llm, simulator] = await Promise.all([
    startLlmSimulator({ apiKeys: { openai: openaiKey, anthropic: 'unused', gemini: 'unused' } }),
    startShopifySimulator({ apiKey: keys.apiKey, apiSecret: keys.apiSecret }),
  ]);
  system = await startSystem({
    ...shopifyEnv(simulator, keys),
    OPENAI_API_KEY: openaiKey,
    OPENAI_BASE_URL: llm.openaiBaseUrl,
  });
  await connectShopifyStore({
    databaseUrl: system.databaseUrl,
    simulator,
    keys,
    workspaceId: system.workspaceId,
    userId: randomUUID(),
    shop: DEMO_SHOP,
    scopes: ['read_products', 'read_orders'],
  });
  const { body } = await postGraphQL<{ createCompletion: { status: string } }>(
    system.gatewayUrl,
    'mutation ($input: CompletionInput!) { createCompletion(input: $input) { status } }',
    {
      token: system.token,
      variables: {
        input: { provider: 'OPENAI', prompt: 'Browsers test call', parameters: { maxTokens: 20 } },
      },
    },
  );
  expect(body.data?.createCompletion.status).toBe('SUCCESS');
}, 120_000);

afterAll(async () => {
  await system?.stop();
  await simulator?.close();
  await llm?.close();
});

describe.skipIf(!existsSync(FIREFOX))('the console in Firefox (firefox-esr over WebDriver BiDi)', () => {
  it('renders every page from its link with its data, without an error or a request off the machine', async () => {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
    });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 800 });
      const offRequests: string[] = [];
      const errors: string[] = [];
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const { hostname, protocol } = new URL(request.url());
        if (['127.0.0.1', 'localhost'].includes(hostname) || protocol === 'data:') void request.continue();
        else {
          offRequests.push(request.url());
          void request.abort();
        }
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(consoleUrl());
      for (const [name, title] of PAGES) {
        if (name !== 'connections') {
          await page.locator(`nav a[href="#${name}"]`).click();
        }
        await page.waitForSelector(`main[data-page="${name}"][data-ready="true"]`, { timeout: 15_000 });
        const rendered = (await page.evaluate(`(() => {${READ_PAGE}})()`)) as Rendered;
        expectRendered(name, rendered);
        expect(
          await page.evaluate(() => document.querySelector('nav a[aria-current="page"]')?.textContent),
        ).toBe(title);
        if (name === 'connections')
          await page.screenshot({ path: join(shotsDir, 'firefox-connections.png') });
      }
      expect(await page.evaluate(() => navigator.userAgent)).toMatch(/Firefox\/\d+/);
      expect({ errors, offRequests }).toEqual({ errors: [], offRequests: [] });
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe.skipIf(!existsSync(WEBKIT_DRIVER) || !existsSync(MINIBROWSER) || !existsSync(XVFB))(
  'the console in WebKit (WebKitGTK’s MiniBrowser through WebKitWebDriver)',
  () => {
    const children: ChildProcess[] = [];
    let driver: WebDriver | undefined;
    afterAll(async () => {
      await driver?.quit().catch(() => {});
      for (const child of children.reverse()) child.kill();
    });

    it('renders every page from its link with its data, without an error or a request off the machine', async () => {
      // A private display: the first number no X server holds.
      let display = 90;
      while (existsSync(`/tmp/.X11-unix/X${display}`) || existsSync(`/tmp/.X${display}-lock`)) display++;
      children.push(
        spawn(XVFB, [`:${display}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' }),
      );
      const port = await freePort();
      children.push(
        spawn(WEBKIT_DRIVER, [`--port=${port}`], {
          stdio: 'ignore',
          // Under LANG=C the browser's language is "C", no language tag: the console must still work
          // (gateway/src/console/client/locale-guard.ts).
          env: { ...process.env, DISPLAY: `:${display}`, LANG: 'C' },
        }),
      );
      await waitForPort(port, 10_000);
      driver = await new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        })
        .build();
      await driver.manage().window().setRect({ width: 1280, height: 800 });
      await driver.get(consoleUrl());
      // Classic WebDriver runs no script before a page loads, but the console changes page in the same
      // document: errors from here on are collected (an error while loading leaves no page ready).
      await driver.executeScript(`
        window.__consoleErrors = [];
        addEventListener('error', (e) => window.__consoleErrors.push(String(e.error ?? e.message)));
        addEventListener('unhandledrejection', (e) => window.__consoleErrors.push(String(e.reason)));`);

      for (const [name, title] of PAGES) {
        if (name !== 'connections') await driver.findElement(By.css(`nav a[href="#${name}"]`)).click();
        await driver.wait(
          until.elementLocated(By.css(`main[data-page="${name}"][data-ready="true"]`)),
          15_000,
        );
        const rendered = (await driver.executeScript(READ_PAGE)) as Rendered;
        expectRendered(name, rendered);
        expect(await driver.findElement(By.css('nav a[aria-current="page"]')).getText()).toBe(title);
        if (name === 'connections') {
          // After two frames, so the picture is of the page as rendered, not of its loading state.
          await driver.executeAsyncScript(
            'const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));',
          );
          await writeFile(join(shotsDir, 'webkit-connections.png'), await driver.takeScreenshot(), 'base64');
        }
      }
      expect(await driver.executeScript('return navigator.userAgent')).toMatch(/AppleWebKit\/\d+/);
      expect(await driver.executeScript('return window.__consoleErrors')).toEqual([]);
    }, 60_000);
  },
);
