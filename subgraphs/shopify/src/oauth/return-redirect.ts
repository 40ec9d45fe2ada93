/** The return URL with the outcome in its query (`shopify=connected|error`, `connection_id`, `reason`). */
export function returnRedirect(returnUrl: string, outcome: Record<string, string>): string {
  const url = new URL(returnUrl);
  for (const [key, value] of Object.entries(outcome)) url.searchParams.set(key, value);
  return url.toString();
}
