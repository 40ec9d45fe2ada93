import { IntegrationError, isErrorCode } from '@ionflux/kit/errors';
import type { ShopifyProductResolvers } from '../generated/resolvers-types.ts';
import { runCompletion } from '../orchestration/index.ts';
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
  const text = result.providerResponse?.choices[0]?.text;
  if (result.status === 'SUCCESS' && text !== undefined) return text.trim();
  const code = result.error?.code;
  throw new IntegrationError(
    isErrorCode(code) ? code : 'INTERNAL',
    result.error?.message ?? 'The summary could not be written.',
    { details: { requestId: result.requestId } },
  );
};
