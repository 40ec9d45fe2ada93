import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Debian's `chromium` package (`apt-get install chromium`); a test tool's own browser download needs a network. */
export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

// Headless, and nothing that phones home: the machines have no network and a test must not need one.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium; the caller closes it. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: chromiumArgs });
}

/**
 * A browser context in which every request off the loopback interface is aborted and recorded, so a test
 * can assert the page needed no network: `offRequests` stays empty when nothing tried to leave.
 */
export async function newLoopbackOnlyContext(browser: Browser): Promise<{
  context: BrowserContext;
  offRequests: string[];
}> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const offRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLoopbackUrl(url)) return route.continue();
    offRequests.push(url);
    return route.abort('internetdisconnected');
  });
  context.on('request', (request) => {
    const url = request.url();
    if (!isLoopbackUrl(url) && !offRequests.includes(url)) offRequests.push(url);
  });
  return { context, offRequests };
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLoopbackUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return loopbackHosts.has(hostname);
}
