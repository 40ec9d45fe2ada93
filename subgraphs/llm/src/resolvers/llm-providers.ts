import type { LlmConfig } from '../config.ts';
import type { LlmContext } from '../context.ts';
import type { LlmProvider } from '../generated/resolvers-types.ts';
import { listWorkspaceKeys } from '../keys/list-workspace-keys.ts';
import { type CatalogProvider, providerCatalog } from '../providers/provider-catalog.ts';

function centralKeyOf(config: LlmConfig, provider: CatalogProvider['stored']): string | undefined {
  switch (provider) {
    case 'openai':
      return config.OPENAI_API_KEY;
    case 'anthropic':
      return config.ANTHROPIC_API_KEY;
    case 'gemini':
      return config.GEMINI_API_KEY;
    default: {
      const unreachable: never = provider;
      throw new Error(`unknown provider ${String(unreachable)}`);
    }
  }
}

/** `Query.llmProviders`: each provider with whether the caller's workspace can use it. */
export async function llmProviders({ db, identity, config }: LlmContext): Promise<LlmProvider[]> {
  const workspaceKeys = await listWorkspaceKeys(db, identity.workspaceId);
  return providerCatalog.map((provider) => {
    const workspaceKey = workspaceKeys.find((key) => key.provider === provider.stored);
    const centralKeyConfigured = Boolean(centralKeyOf(config, provider.stored));
    return {
      id: provider.id,
      name: provider.name,
      isPrimary: provider.isPrimary,
      centralKeyConfigured,
      workspaceKey: workspaceKey
        ? { lastFour: workspaceKey.lastFour, updatedAt: workspaceKey.updatedAt }
        : null,
      usable: centralKeyConfigured || workspaceKey !== undefined,
      models: provider.models,
    };
  });
}
