export { CHROMIUM_EXECUTABLE, launchBrowser, newLoopbackOnlyContext } from './browser.ts';
export type { PlaygroundPage } from './playground-page.ts';
export { openPlayground, readHeaderEditor, readResponse, runQuery, setHeaders } from './playground-page.ts';
