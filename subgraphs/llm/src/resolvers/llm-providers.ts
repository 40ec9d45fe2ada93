import type { LlmContext } from '../context.ts';
import type { LlmProvider } from '../generated/resolvers-types.ts';
import { listWorkspaceKeys } from '../keys/list-workspace-keys.ts';
import { priceOf } from '../providers/price-table.ts';
import { providerCatalog } from '../providers/provider-catalog.ts';

/** `Query.llmProviders`: each provider with whether the caller's workspace can use it. */
export async function llmProviders({ db, identity, services }: LlmContext): Promise<LlmProvider[]> {
  const workspaceKeys = services.cipher ? await listWorkspaceKeys(db, identity.workspaceId) : [];
  return Promise.all(
    providerCatalog.map(async (provider) => {
      const workspaceKey = workspaceKeys.find((key) => key.provider === provider.stored);
      const centralKeyConfigured = (await services.centralKeys.get(provider.stored)) !== undefined;
      return {
        id: provider.id,
        name: provider.name,
        isPrimary: provider.isPrimary,
        centralKeyConfigured,
        workspaceKey: workspaceKey
          ? { provider: provider.id, lastFour: workspaceKey.lastFour, updatedAt: workspaceKey.updatedAt }
          : null,
        usable: centralKeyConfigured || workspaceKey !== undefined,
        models: provider.models.map((model) => {
          const price = priceOf(provider.stored, model.id);
          return {
            ...model,
            inputPricePerMillionTokens: price?.input ?? null,
            outputPricePerMillionTokens: price?.output ?? null,
          };
        }),
      };
    }),
  );
}
