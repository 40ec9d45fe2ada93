/**
 * Whether a 429 body says the account is out of quota (OpenAI `insufficient_quota` or
 * `credit_balance_exhausted`, Gemini `google.rpc.QuotaFailure`) rather than asking to slow down: quota
 * errors are final, never retried, and map to QUOTA_EXCEEDED.
 */
export function isQuotaError(body: unknown): boolean {
  const inner = (body as { error?: Record<string, unknown> } | undefined)?.error;
  if (!inner) return false;
  if (inner['code'] === 'insufficient_quota' || inner['type'] === 'insufficient_quota') return true;
  if (inner['code'] === 'credit_balance_exhausted') return true;
  const details = inner['details'];
  return (
    Array.isArray(details) &&
    details.some((detail) =>
      String((detail as { '@type'?: unknown })['@type']).endsWith('google.rpc.QuotaFailure'),
    )
  );
}
