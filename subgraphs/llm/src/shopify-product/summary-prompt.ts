/** Longest style text taken from the caller; the rest of the prompt is ours. */
const MAX_STYLE = 80;
/** Description characters sent: enough for a summary, bounded in tokens (quota). */
const MAX_DESCRIPTION = 2000;

export const SUMMARY_SYSTEM_PROMPT =
  'You write one- or two-sentence product summaries for an e-commerce team. Use only the facts given.';

/** The completion prompt for one product's summary. */
export function summaryPrompt(
  product: { title: string; description: string | null },
  style?: string | null,
): string {
  const lines = [`Product: ${product.title}`];
  if (product.description) lines.push(`Description: ${product.description.slice(0, MAX_DESCRIPTION)}`);
  if (style) lines.push(`Style: ${style.slice(0, MAX_STYLE)}`);
  lines.push('Summary:');
  return lines.join('\n');
}
