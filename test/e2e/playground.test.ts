import {
  launchBrowser,
  newLoopbackOnlyContext,
  openPlayground,
  readResponse,
  runQuery,
  setHeaders,
} from '@ionflux/testing/browser';
import { startSystem } from '@ionflux/testing/system';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: Awaited<ReturnType<typeof startSystem>>;
let browser: Browser;

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe('GET /playground on the gateway', () => {
  it('runs a query across the three subgraphs with the JWT typed into the header editor, offline', async () => {
    const { context, offRequests } = await newLoopbackOnlyContext(browser);
    try {
      const { page, problems } = await openPlayground(context, `${system.gatewayUrl}/playground`);

      await setHeaders(page, { Authorization: `Bearer ${system.token}` });
      // One operation, three subgraphs: the playground speaks to the federated gateway.
      await runQuery(page, '{ llmProviders { id } shopifyConnections { id } tiktokConnections { id } }');
      await expect.poll(() => readResponse(page), { timeout: 15_000 }).toContain('"id": "OPENAI"');
      const response = await readResponse(page);
      expect(response).toContain('"shopifyConnections": []');
      expect(response).toContain('"tiktokConnections": []');

      expect(offRequests).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
