/**
 * A minimal result page for a browser that came back without a return URL to go to; a refusal names its
 * code (from ErrorCode) so support and scripts can tell failures apart.
 */
export function callbackPage(title: string, message: string, code?: string): string {
  const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const codeLine = code === undefined ? '' : `<p>Error code: <code>${escapeHtml(code)}</code></p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${codeLine}</body></html>`;
}
