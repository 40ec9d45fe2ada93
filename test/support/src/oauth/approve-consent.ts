const unescapeHtml = (value: string) =>
  value.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));

/**
 * What a person does on a provider's consent page (the sandbox's simulators and the standard OAuth server
 * draw the same form): opens it, submits its first button (Approve) with the hidden fields and `fields`
 * (e.g. `{ decision: 'deny' }`, `{ username }`), follows the redirect to our callback and returns the
 * query the callback received (our callback server echoes it as JSON).
 */
export async function approveConsent(
  authorizationUrl: string,
  fields: Record<string, string> = {},
): Promise<Record<string, string>> {
  const page = await fetch(authorizationUrl);
  const html = await page.text();
  if (!page.ok) throw new Error(`consent page answered ${page.status}: ${html}`);
  const action = /<form method="post" action="([^"]*)"/.exec(html)?.[1];
  const button = /<button[^>]*name="([^"]+)" value="([^"]+)"/.exec(html);
  if (action === undefined || !button?.[1] || !button[2]) throw new Error('no consent form on the page');
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.append(match[1] ?? '', unescapeHtml(match[2] ?? ''));
  }
  form.set(button[1], button[2]);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const response = await fetch(new URL(action, page.url), {
    method: 'POST',
    body: form,
    redirect: 'follow',
  });
  if (!response.ok) throw new Error(`approving answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, string>;
}
