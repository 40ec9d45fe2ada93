import type { CredentialCipher } from '@ionflux/kit/crypto';
import type { Identity } from '@ionflux/kit/identity';
import { openSealedKey } from '../keys/workspace-key-store.ts';
import type { ProviderCall, TokenCounts } from '../providers/llm-adapter.ts';
import type { LlmFailure } from '../providers/provider-failure.ts';
import type { StoredProvider } from '../providers/stored-provider.ts';
import {
  type Reservation,
  reserveQuotaAndReadKey,
  type SealedKeyRow,
  settleQuota,
} from '../quotas/reserve-quota.ts';
import type { LlmServices } from '../services.ts';
import { estimateCostNanoUsd } from '../usage/price-table.ts';
import { recordUsage } from '../usage/record-usage.ts';

/** A provider call that holds a key and a quota reservation until {@link closeCall}. */
export interface OpenCall {
  provider: StoredProvider;
  model: string;
  call: ProviderCall;
  keySource: 'central' | 'workspace';
  reservation: Reservation | null;
  /** Output tokens the call may produce: the caller's limit, or the default when a quota needs one. */
  maxTokens: number | undefined;
  started: number;
}

export interface OpenCallInput {
  provider: StoredProvider;
  model: string;
  promptTokensEstimate: number;
  maxTokens: number | undefined;
  signal: AbortSignal;
}

/**
 * Picks the key (the workspace's own key over the central one, spec 1.2) and reserves the worst case
 * of the call against the workspace quota, before anything is sent.
 */
export async function openCall(
  services: LlmServices,
  identity: Identity,
  input: OpenCallInput,
): Promise<{ ok: true; open: OpenCall } | { ok: false; failure: LlmFailure }> {
  const started = performance.now();
  const outputTokens = input.maxTokens ?? services.config.LLM_DEFAULT_MAX_TOKENS;
  const worstCase = {
    tokens: input.promptTokensEstimate + outputTokens,
    costNanoUsd: estimateCostNanoUsd(input.provider, input.model, {
      promptTokens: input.promptTokensEstimate,
      completionTokens: outputTokens,
    }),
  };
  // One statement reserves and reads the workspace's key: one round trip and one query's work.
  const { outcome: reserved, sealedKey } = await reserveQuotaAndReadKey(
    services.sql,
    identity.workspaceId,
    worstCase,
    input.provider,
  );
  const workspaceKey =
    services.cipher && sealedKey ? openKey(services.cipher, identity.workspaceId, sealedKey) : undefined;
  const release = () =>
    reserved.ok && reserved.reservation
      ? settleQuota(services.sql, reserved.reservation, { tokens: 0, costNanoUsd: 0 })
      : undefined;
  if (workspaceKey instanceof KeyUnreadable) {
    // Tampered, copied from another row, or sealed under a key this service no longer holds: never fall
    // back to the central key silently, since the workspace asked for its own to be used.
    services.logger.error(
      { err: workspaceKey.cause, workspaceId: identity.workspaceId, provider: input.provider },
      'workspace provider key cannot be opened',
    );
    await release();
    return {
      ok: false,
      failure: {
        code: 'INTERNAL',
        message: `The workspace's ${input.provider} key cannot be decrypted; set it again with setWorkspaceProviderKey.`,
      },
    };
  }
  const apiKey = workspaceKey ?? (await services.centralKeys.get(input.provider));
  if (apiKey === undefined) {
    if (reserved.ok && reserved.reservation)
      await settleQuota(services.sql, reserved.reservation, { tokens: 0, costNanoUsd: 0 });
    return {
      ok: false,
      failure: {
        code: 'PROVIDER_API_ERROR',
        message: `No ${input.provider} key is available: IONFLUX has no central key for it and the workspace has not set one.`,
      },
    };
  }
  if (!reserved.ok) {
    return {
      ok: false,
      failure: {
        code: 'QUOTA_EXCEEDED',
        message: `The workspace's ${reserved.limit === 'tokens' ? 'token' : 'spending'} quota for this period would be exceeded by this request (up to ${worstCase.tokens} tokens); it renews at ${reserved.periodEndsAt.toISOString()}.`,
        retryAfterSeconds: Math.max(1, Math.ceil((reserved.periodEndsAt.getTime() - Date.now()) / 1000)),
      },
    };
  }
  return {
    ok: true,
    open: {
      provider: input.provider,
      model: input.model,
      call: { apiKey, signal: input.signal },
      keySource: workspaceKey === undefined ? 'central' : 'workspace',
      reservation: reserved.reservation,
      // With a quota the worst case must be real, so the limit reserved is the limit sent.
      maxTokens: reserved.reservation ? outputTokens : input.maxTokens,
      started,
    },
  };
}

export interface CloseCallInput {
  requestId: string;
  operation: 'completion' | 'stream' | 'embedding';
  usage: TokenCounts;
  failure: LlmFailure | undefined;
  fallbackFrom: StoredProvider | null;
}

/** Writes the ledger row and settles the reservation at the reported usage. */
export async function closeCall(
  services: LlmServices,
  identity: Identity,
  open: OpenCall,
  input: CloseCallInput,
): Promise<void> {
  const costNanoUsd = estimateCostNanoUsd(open.provider, open.model, input.usage);
  // The ledger row and the settlement commit in one statement: one round trip, and never one without
  // the other.
  await recordUsage(
    services.sql,
    {
      requestId: input.requestId,
      workspaceId: identity.workspaceId,
      userId: identity.userId,
      provider: open.provider,
      model: open.model,
      operation: input.operation,
      status: input.failure === undefined ? 'success' : input.failure.cancelled ? 'cancelled' : 'error',
      errorCode: input.failure?.code ?? null,
      keySource: open.keySource,
      fallbackFrom: input.fallbackFrom,
      usage: input.usage,
      latencyMs: performance.now() - open.started,
    },
    open.reservation
      ? { reservation: open.reservation, actual: { tokens: input.usage.totalTokens, costNanoUsd } }
      : undefined,
  );
}

export const NO_USAGE: TokenCounts = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };

/** Opens the workspace's key, or marks one that would not open so the reservation beside it is released. */
function openKey(cipher: CredentialCipher, workspaceId: string, row: SealedKeyRow): string | KeyUnreadable {
  try {
    return openSealedKey(cipher, workspaceId, row);
  } catch (error) {
    return new KeyUnreadable(error);
  }
}

/** Marks a stored workspace key that would not open, so the reservation made beside it is released. */
class KeyUnreadable {
  readonly cause: unknown;
  constructor(cause: unknown) {
    this.cause = cause;
  }
}
