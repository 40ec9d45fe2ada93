import { toStoredProvider } from '../providers/stored-provider.ts';
import { llmProviders } from '../resolvers/llm-providers.ts';
import type { DoorRequest } from './door-request.ts';

/**
 * `GET /llm/openai/v1/models`: OpenAI's model list, holding the catalog's models of every provider the
 * caller's workspace can use (IONFLUX's key or its own), as `llmProviders` reports them. `created` is 0:
 * the catalog does not know when a provider released a model. The catalog's own facts ride along
 * (`provider`, `capabilities`, `context_window`, `max_output_tokens`).
 */
export async function openAiModels({ res, context }: DoorRequest): Promise<void> {
  const providers = await llmProviders(context);
  const data = providers
    .filter((provider) => provider.usable)
    .flatMap((provider) =>
      provider.models.map((model) => ({
        id: model.id,
        object: 'model',
        created: 0,
        owned_by: toStoredProvider(provider.id),
        provider: toStoredProvider(provider.id),
        capabilities: model.capabilities.map((capability) => capability.toLowerCase()),
        context_window: model.contextWindow ?? null,
        max_output_tokens: (model as { maxOutputTokens?: number }).maxOutputTokens ?? null,
      })),
    );
  const body = JSON.stringify({ object: 'list', data });
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.setHeader('cache-control', 'no-store');
  res.end(body);
}
