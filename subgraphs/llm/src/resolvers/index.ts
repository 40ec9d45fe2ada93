import { DateTimeScalar } from '@ionflux/kit/scalars';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { cancellable } from '../orchestration/cancellable.ts';
import { runCompletion } from '../orchestration/run-completion.ts';
import { runCompletionStream } from '../orchestration/run-completion-stream.ts';
import { runEmbedding } from '../orchestration/run-embedding.ts';
import { resolveAiSummary } from '../shopify-product/index.ts';
import { resolveCaptionIdeas } from '../tiktok-video/index.ts';
import { llmProviders } from './llm-providers.ts';
import {
  llmFallback,
  llmQuota,
  llmUsage,
  removeLlmQuota,
  setLlmFallback,
  setLlmQuota,
} from './usage-and-quotas.ts';
import { removeWorkspaceProviderKey, setWorkspaceProviderKey } from './workspace-keys.ts';

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: {
    llmProviders: (_parent, _args, context) => llmProviders(context),
    llmUsage: (_parent, { from, to }, context) => llmUsage(context, asDate(from), asDate(to)),
    llmQuota: (_parent, _args, context) => llmQuota(context),
    llmFallback: (_parent, _args, context) => llmFallback(context),
  },
  Mutation: {
    createCompletion: (_parent, { input }, context) =>
      runCompletion(context.services, context.identity, input, context.signal),
    createEmbedding: (_parent, { input }, context) =>
      runEmbedding(context.services, context.identity, input, context.signal),
    setWorkspaceProviderKey: (_parent, { provider, apiKey }, context) =>
      setWorkspaceProviderKey(context, provider, apiKey),
    removeWorkspaceProviderKey: (_parent, { provider }, context) =>
      removeWorkspaceProviderKey(context, provider),
    setLlmQuota: (_parent, { input }, context) => setLlmQuota(context, input),
    removeLlmQuota: (_parent, _args, context) => removeLlmQuota(context),
    setLlmFallback: (_parent, { provider, model }, context) => setLlmFallback(context, provider, model),
  },
  Subscription: {
    completionStream: {
      subscribe: (_parent, { input }, context) =>
        cancellable((signal) =>
          runCompletionStream(
            context.services,
            context.identity,
            input,
            AbortSignal.any([signal, context.signal]),
          ),
        ),
      resolve: (chunk: unknown) => chunk as never,
    },
  },
  ShopifyProduct: {
    aiSummary: resolveAiSummary,
  },
  TikTokVideo: {
    captionIdeas: resolveCaptionIdeas,
  },
};
