// Signatures and credentials are never stored; neither are transport details that say nothing about
// the delivery.
const DROPPED =
  /authorization|cookie|hmac|signature|token|secret|api-key|^(connection|keep-alive|host|content-length|transfer-encoding|accept-encoding|expect)$/i;

/** The headers of a delivery worth keeping with it (topic, account, ids, API version, timestamps). */
export function keptHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !DROPPED.test(name)) kept[name] = value;
  }
  return kept;
}
