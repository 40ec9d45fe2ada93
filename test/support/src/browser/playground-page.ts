import type { BrowserContext, Page } from 'playwright-core';

/** The playground as a test drives it: load, type, run, read. Selectors are GraphiQL 5's class names. */
export type PlaygroundPage = {
  page: Page;
  /** Uncaught errors, console errors and CSP violations seen so far; a healthy page has none. */
  problems: string[];
};

const queryEditor = '.graphiql-query-editor .monaco-editor';
const headerEditor = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor';

/** Opens the playground and waits until the query editor (Monaco) is ready. */
export async function openPlayground(context: BrowserContext, url: string): Promise<PlaygroundPage> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(url);
  await page.locator(queryEditor).waitFor({ timeout: 20_000 });
  return { page, problems };
}

/**
 * Replaces the query and runs it. Monaco auto-closes brackets, so the text is inserted in one go
 * (`insertText`) into an emptied editor rather than typed key by key.
 */
export async function runQuery(page: Page, query: string): Promise<void> {
  await page.locator(queryEditor).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
  await page.locator('.graphiql-execute-button').click();
}

/** Replaces the request headers (the header editor's JSON), e.g. `{ Authorization: 'Bearer <jwt>' }`. */
export async function setHeaders(page: Page, headers: Record<string, string>): Promise<void> {
  const editor = page.locator(headerEditor);
  if ((await editor.count()) === 0) await page.getByRole('button', { name: 'Headers', exact: true }).click();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(JSON.stringify(headers));
}

/** The text of the result pane, as shown. */
export async function readResponse(page: Page): Promise<string> {
  return readEditorText(page, '.graphiql-response .monaco-editor');
}

/** The text of the (visible) request headers editor, or null when it is not shown. */
export async function readHeaderEditor(page: Page): Promise<string | null> {
  if ((await page.locator(headerEditor).count()) === 0) return null;
  return readEditorText(page, headerEditor);
}

async function readEditorText(page: Page, selector: string): Promise<string> {
  // Monaco positions its line elements absolutely and may recycle them out of order; sort by offset.
  const lines = await page.locator(`${selector} .view-line`).evaluateAll((elements) =>
    elements
      .map((element) => ({
        top: Number.parseFloat((element as HTMLElement).style.top),
        text: element.textContent,
      }))
      .sort((a, b) => a.top - b.top)
      .map(({ text }) => text),
  );
  // Monaco renders spaces as U+00A0.
  return lines.join('\n').replaceAll('\u00a0', ' ');
}
