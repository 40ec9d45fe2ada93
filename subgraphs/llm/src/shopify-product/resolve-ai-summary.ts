import type { ShopifyProductResolvers } from '../generated/resolvers-types.ts';
import { completionTextOf, runCompletion } from '../orchestration/index.ts';
import { SUMMARY_SYSTEM_PROMPT, summaryPrompt } from './summary-prompt.ts';

/** Output bound per summary: keeps a list of 50 products inside a modest quota. */
const SUMMARY_MAX_TOKENS = 120;

/**
 * `ShopifyProduct.aiSummary`: one completion through the LLM orchestration (key choice, quota reservation,
 * ledger, fallback), so it counts against the workspace's quota like any other. The gateway hands us
 * `title` and `description` (`@requires`); products of a list resolve concurrently.
 */
export const resolveAiSummary: NonNullable<ShopifyProductResolvers['aiSummary']> = async (
  product,
  { style },
  context,
) => {
  const title = product.title ?? '';
  if (!title && !product.description) return null;
  const result = await runCompletion(
    context.services,
    context.identity,
    {
      prompt: summaryPrompt({ title, description: product.description ?? null }, style),
      systemPrompt: SUMMARY_SYSTEM_PROMPT,
      parameters: { maxTokens: SUMMARY_MAX_TOKENS, temperature: 0.3 },
    },
    context.signal,
  );
  return completionTextOf(result, 'The summary').trim();
};
