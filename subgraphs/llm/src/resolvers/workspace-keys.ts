import { IntegrationError } from '@ionflux/kit/errors';
import type { LlmContext } from '../context.ts';
import type { LlmProviderId, WorkspaceProviderKey } from '../generated/resolvers-types.ts';
import { deleteWorkspaceKey, saveWorkspaceKey } from '../keys/workspace-key-store.ts';
import { toProviderFailure } from '../providers/provider-failure.ts';
import { toStoredProvider } from '../providers/stored-provider.ts';

const VERIFY_TIMEOUT_MS = 15_000;

/**
 * `Mutation.setWorkspaceProviderKey`: checks the key with the provider's cheapest authenticated call
 * (listing models), then stores it sealed. Only the last four characters ever come back.
 */
export async function setWorkspaceProviderKey(
  { identity, services, signal }: LlmContext,
  providerId: LlmProviderId,
  apiKey: string,
): Promise<WorkspaceProviderKey> {
  const { cipher } = services;
  if (!cipher) {
    throw new IntegrationError(
      'INTERNAL',
      'Workspace keys are disabled: the service has no IONFLUX_MASTER_KEY.',
    );
  }
  const key = apiKey.trim();
  if (key.length < 8 || key.length > 512 || /\s/.test(key)) {
    throw new IntegrationError('INVALID_REQUEST', 'apiKey must be 8-512 characters with no spaces.');
  }
  const provider = toStoredProvider(providerId);
  const verifySignal = AbortSignal.any([signal, AbortSignal.timeout(VERIFY_TIMEOUT_MS)]);
  try {
    await services.adapters[provider].verifyKey({
      apiKey: key,
      signal: verifySignal,
      keySource: 'workspace',
      workspaceId: identity.workspaceId,
    });
  } catch (error) {
    const failure = toProviderFailure(provider, error, {
      secrets: [key],
      keySource: 'workspace',
      signal: verifySignal,
    });
    const rejected = failure.code === 'PROVIDER_API_ERROR' || failure.code === 'INVALID_REQUEST';
    throw new IntegrationError(
      rejected ? 'INTEGRATION_AUTH_INVALID' : failure.code,
      rejected
        ? `${provider} did not accept this key; nothing was stored.`
        : `${failure.message} Nothing was stored.`,
      { details: { provider: providerId, providerStatus: failure.providerError?.status ?? null } },
    );
  }
  const saved = await saveWorkspaceKey(services.db, cipher, {
    workspaceId: identity.workspaceId,
    userId: identity.userId,
    provider,
    apiKey: key,
  });
  services.logger.info({ provider, workspaceId: identity.workspaceId }, 'workspace provider key set');
  return { provider: providerId, lastFour: saved.lastFour, updatedAt: saved.updatedAt };
}

/** `Mutation.removeWorkspaceProviderKey`. */
export async function removeWorkspaceProviderKey(
  { identity, services }: LlmContext,
  providerId: LlmProviderId,
): Promise<boolean> {
  return deleteWorkspaceKey(services.db, identity.workspaceId, toStoredProvider(providerId));
}
