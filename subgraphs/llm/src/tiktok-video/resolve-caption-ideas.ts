import { IntegrationError } from '@ionflux/kit/errors';
import type { TikTokVideoResolvers } from '../generated/resolvers-types.ts';
import { completionTextOf, runCompletion } from '../orchestration/index.ts';
import { CAPTION_SYSTEM_PROMPT, captionPrompt, parseCaptionIdeas } from './caption-prompt.ts';

/** Most ideas one field asks for: bounds the completion's output (and the quota's reservation). */
export const MAX_CAPTION_IDEAS = 10;
/** Output tokens allowed per idea: a caption is a sentence or two with a few hashtags. */
const TOKENS_PER_IDEA = 60;

/**
 * `TikTokVideo.captionIdeas`: one completion through the LLM orchestration (key choice, quota reservation,
 * ledger, fallback, the per-request call cap), like `aiSummary`. The gateway hands us `title` and
 * `description` (`@requires`); the videos of a page resolve concurrently.
 */
export const resolveCaptionIdeas: NonNullable<TikTokVideoResolvers['captionIdeas']> = async (
  video,
  { count, tone },
  context,
) => {
  if (!Number.isInteger(count) || count < 1 || count > MAX_CAPTION_IDEAS) {
    throw new IntegrationError(
      'INVALID_REQUEST',
      `count must be between 1 and ${MAX_CAPTION_IDEAS}; it was ${count}.`,
    );
  }
  const title = video.title ?? null;
  const description = video.description ?? null;
  if (!title && !description) return [];
  const result = await runCompletion(
    context.services,
    context.identity,
    {
      prompt: captionPrompt({ title, description }, count, tone),
      systemPrompt: CAPTION_SYSTEM_PROMPT,
      parameters: { maxTokens: count * TOKENS_PER_IDEA, temperature: 0.8 },
    },
    context.signal,
  );
  return parseCaptionIdeas(completionTextOf(result, 'The caption ideas'), count);
};
