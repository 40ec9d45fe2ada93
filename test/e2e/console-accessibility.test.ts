import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { generateMasterKey } from '@ionflux/kit/crypto';
import {
  DEMO_SHOP,
  type LlmSimulator,
  type ShopifySimulator,
  startLlmSimulator,
  startShopifySimulator,
} from '@ionflux/sandbox';
import { launchBrowser, newLoopbackOnlyContext } from '@ionflux/testing/browser';
import { connectShopifyStore, type SystemUnderTest, shopifyEnv, startSystem } from '@ionflux/testing/system';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The console for people who do not use a mouse or do not see the screen: axe-core's WCAG 2.1 A and AA
// rules on every page (with a connected store, so the tables and forms are there), and a keyboard-only
// walk through the pages and their controls, in headless Chromium at 1280x800 against the running system.

const PAGES = ['connections', 'webhooks', 'llm', 'sales', 'notifications'] as const;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let llm: LlmSimulator;
let simulator: ShopifySimulator;
let system: SystemUnderTest;
let browser: Browser;
let context: BrowserContext;
let offRequests: string[];
let page: Page;
let axeSource: string;

async function openPage(name: string): Promise<void> {
  await page.goto(`${system.gatewayUrl}/console#${name}`);
  await page.reload();
  await page.waitForSelector(`main[data-page="${name}"][data-ready="true"]`, { timeout: 15_000 });
}

type Violation = { id: string; impact: string | null; help: string; targets: string[] };

/** axe-core's WCAG 2.1 A/AA rules on the page as it stands: the violations, and how many rules passed. */
async function audit(): Promise<{ violations: Violation[]; passed: number }> {
  // Evaluated over the DevTools protocol, which the console's CSP (script-src 'self') does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, { runOnly: { type: 'tag', values: tags } })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
      passes: unknown[];
    };
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((node) => node.target.join(' ')),
      })),
      passed: result.passes.length,
    };
  }, WCAG);
}

/** What has the focus: its tag, and its accessible text or label. */
const focused = () =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: 'body', name: '', visibleFocus: false };
    const style = getComputedStyle(element);
    const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
    return {
      tag: element.tagName.toLowerCase(),
      name: (element.getAttribute('aria-label') ?? label ?? element.textContent ?? '').trim(),
      // A focus ring the eye can find: an outline or a box shadow.
      visibleFocus:
        (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none',
    };
  });

/** Presses Tab until the focus is on an element matching `want`, at most `limit` times; the stops on the way. */
async function tabTo(want: (stop: Awaited<ReturnType<typeof focused>>) => boolean, limit = 60) {
  const stops: Awaited<ReturnType<typeof focused>>[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused();
    stops.push(stop);
    if (want(stop)) return stops;
  }
  throw new Error(`not reached by Tab within ${limit} presses: ${JSON.stringify(stops)}`);
}

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const openaiKey = `sk-central-${randomBytes(12).toString('hex')}`;
  const keys = {
    apiKey: `e2e-${randomUUID().slice(0, 8)}`,
    apiSecret: `e2e-secret-${randomUUID()}`,
    masterKey: generateMasterKey('e2e-console-a11y'),
  };
  [llm, simulator, browser] = await Promise.all([
    startLlmSimulator({ apiKeys: { openai: openaiKey, anthropic: 'unused', gemini: 'unused' } }),
    startShopifySimulator({ apiKey: keys.apiKey, apiSecret: keys.apiSecret }),
    launchBrowser(),
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
  ({ context, offRequests } = await newLoopbackOnlyContext(browser));
  page = await context.newPage();
  await page.goto(`${system.gatewayUrl}/console#token=${system.token}`);
  await page.waitForSelector('main[data-page="connections"][data-ready="true"]');
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await system?.stop();
  await simulator?.close();
  await llm?.close();
});

describe('the console’s accessibility', () => {
  it('has no WCAG 2.1 A or AA violation axe-core finds on any page, nor on the sign-in form', async () => {
    const found: Record<string, Violation[]> = {};
    const passed: Record<string, number> = {};
    const record = async (name: string) => {
      const result = await audit();
      found[name] = result.violations;
      passed[name] = result.passed;
    };
    for (const name of PAGES) {
      await openPage(name);
      await record(name);
    }
    // The pages audited had their content: the connected store's row, with its actions.
    await openPage('connections');
    expect(await page.locator('button', { hasText: 'Sync now' }).count()).toBe(1);
    const signIn = await context.newPage();
    try {
      const previous = page;
      page = signIn;
      await page.goto(`${system.gatewayUrl}/console`);
      await page.waitForSelector('form textarea#token');
      await record('sign-in');
      page = previous;
    } finally {
      await signIn.close();
    }
    expect(found).toEqual(Object.fromEntries(['sign-in', ...PAGES].map((name) => [name, []])));
    // axe ran its rules on each (labels, names, contrast, landmarks, …), not on an empty document.
    for (const name of ['sign-in', ...PAGES]) expect(passed[name], name).toBeGreaterThan(10);
    expect(offRequests).toEqual([]);
  }, 60_000);

  it('is usable with the keyboard alone: every page by its link, the forms and row actions, a visible focus', async () => {
    await openPage('connections');
    // From the top of the document: the page links come first, in order, each showing where the focus is.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const toSales = await tabTo((stop) => stop.tag === 'a' && stop.name === 'Sales');
    expect(toSales.map((stop) => stop.name)).toEqual(['Connections', 'Webhooks', 'LLM usage', 'Sales']);
    expect(toSales.every((stop) => stop.visibleFocus)).toBe(true);
    // Enter follows the link; the new page takes the focus, so the next Tab starts in its content.
    await page.keyboard.press('Enter');
    await page.waitForSelector('main[data-page="sales"][data-ready="true"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page');

    // Connections: the store's row actions and the connect form's fields, reached in order and visible.
    await openPage('connections');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const stops = await tabTo(
      (stop) => stop.tag === 'button' && /connect/i.test(stop.name) && !/dis/i.test(stop.name),
    );
    const names = stops.map((stop) => `${stop.tag}:${stop.name}`);
    for (const expected of [/^button:Sync now$/, /^button:Disconnect$/, /^input:/, /^button:/]) {
      expect(
        names.some((name) => expected.test(name)),
        `${expected} among ${JSON.stringify(names)}`,
      ).toBe(true);
    }
    expect(stops.filter((stop) => !stop.visibleFocus)).toEqual([]);

    // Enter on a focused row action does what a click does: Sync now sends its mutation.
    await openPage('connections');
    await page.locator('button', { hasText: 'Sync now' }).first().focus();
    const sync = page.waitForRequest((request) =>
      (request.postData() ?? '').includes('syncShopifyConnection'),
    );
    await page.keyboard.press('Enter');
    const answer = await (await sync).response();
    expect(await answer?.json()).toMatchObject({
      data: { syncShopifyConnection: { syncStatus: expect.any(String) } },
    });
    expect(offRequests).toEqual([]);
  }, 60_000);
});
