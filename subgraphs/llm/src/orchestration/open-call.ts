import type { CredentialCipher } from '@ionflux/kit/crypto';
import type { Identity } from '@ionflux/kit/identity';
import { openSealedKey } from '../keys/workspace-key-store.ts';
import { NO_USAGE, type ProviderCall, type TokenCounts } from '../providers/llm-adapter.ts';
import type { LlmFailure } from '../providers/provider-failure.ts';
import type { StoredProvider } from '../providers/stored-provider.ts';
import type { LlmServices } from '../services.ts';
import { beginUsage, type SealedKeyRow } from '../usage/begin-usage.ts';
import { estimateCostNanoUsd } from '../usage/price-table.ts';
import { recordRejection } from './record-rejection.ts';

type Operation = 'completion' | 'stream' | 'embedding';

/** A provider call that holds a key, a `pending` ledger row and maybe a quota reservation until {@link closeCall}. */
export interface OpenCall {
  provider: StoredProvider;
  model: string;
  call: ProviderCall;
  keySource: 'central' | 'workspace';
  entryId: string;
  /** Output tokens the call may produce: the caller's limit, or the default when a quota needs one. */
  maxTokens: number | undefined;
  started: number;
}

export interface OpenCallInput {
  requestId: string;
  operation: Operation;
  /** The provider that failed before this call, when this call is the workspace's fallback. */
  fallbackFrom: StoredProvider | null;
  provider: StoredProvider;
  model: string;
  promptTokensEstimate: number;
  maxTokens: number | undefined;
  signal: AbortSignal;
}

/**
 * Picks the key (the workspace's own key over the central one, spec 1.2), reserves the worst case of the
 * call against the workspace quota and writes its `pending` ledger row, in one statement that the answer
 * always waits for (the request goes to the provider after it, or beside it: see callProvider). A
 * call that cannot go ahead is ledgered here with its error.
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
  // One statement reserves, reads the workspace's key and writes the pending row: one round trip.
  const { outcome, entryId, sealedKey } = await beginUsage(services.ledgerSql, {
    requestId: input.requestId,
    workspaceId: identity.workspaceId,
    userId: identity.userId,
    provider: input.provider,
    model: input.model,
    operation: input.operation,
    fallbackFrom: input.fallbackFrom,
    worstCase,
  });
  services.callPolicies.remember(
    identity.workspaceId,
    input.provider,
    outcome.ok && !outcome.holdsQuota && sealedKey === undefined,
  );
  if (!outcome.ok || entryId === undefined) {
    const failure: LlmFailure = {
      code: 'QUOTA_EXCEEDED',
      message: outcome.ok
        ? 'The workspace quota refused this request.'
        : `The workspace's ${outcome.limit === 'tokens' ? 'token' : 'spending'} quota for this period would be exceeded by this request (up to ${worstCase.tokens} tokens); it renews at ${outcome.periodEndsAt.toISOString()}.`,
      ...(outcome.ok
        ? {}
        : {
            retryAfterSeconds: Math.max(1, Math.ceil((outcome.periodEndsAt.getTime() - Date.now()) / 1000)),
          }),
    };
    await recordRejection(services, identity, { ...input, failure, started });
    return { ok: false, failure };
  }
  const refuse = (failure: LlmFailure, keySource: 'central' | 'workspace') => {
    closeCall(
      services,
      { entryId, provider: input.provider, model: input.model, keySource, started },
      {
        usage: NO_USAGE,
        failure,
      },
    );
    return { ok: false as const, failure };
  };
  const workspaceKey =
    services.cipher && sealedKey ? openKey(services.cipher, identity.workspaceId, sealedKey) : undefined;
  if (workspaceKey instanceof KeyUnreadable) {
    // Tampered, copied from another row, or sealed under a key this service no longer holds: never fall
    // back to the central key silently, since the workspace asked for its own to be used.
    services.logger.error(
      { err: workspaceKey.cause, workspaceId: identity.workspaceId, provider: input.provider },
      'workspace provider key cannot be opened',
    );
    return refuse(
      {
        code: 'INTERNAL',
        message: `The workspace's ${input.provider} key cannot be decrypted; set it again with setWorkspaceProviderKey.`,
      },
      'workspace',
    );
  }
  const apiKey = workspaceKey ?? (await services.centralKeys.get(input.provider));
  if (apiKey === undefined) {
    return refuse(
      {
        code: 'PROVIDER_API_ERROR',
        message: `No ${input.provider} key is available: IONFLUX has no central key for it and the workspace has not set one.`,
      },
      'central',
    );
  }
  return {
    ok: true,
    open: {
      provider: input.provider,
      model: input.model,
      call: { apiKey, signal: input.signal },
      keySource: workspaceKey === undefined ? 'central' : 'workspace',
      entryId,
      // With a quota the worst case must be real, so the limit reserved is the limit sent.
      maxTokens: outcome.holdsQuota ? outputTokens : input.maxTokens,
      started,
    },
  };
}

export interface CloseCallInput {
  usage: TokenCounts;
  failure: LlmFailure | undefined;
}

/**
 * Finishes the call's ledger row with the reported usage and settles its reservation. The write runs
 * in the background (the ledger writer retries it), so the caller's answer does not wait for it.
 */
export function closeCall(
  services: LlmServices,
  open: Pick<OpenCall, 'entryId' | 'provider' | 'model' | 'keySource' | 'started'>,
  input: CloseCallInput,
): void {
  services.ledger.finish(open.entryId, {
    status: input.failure === undefined ? 'success' : input.failure.cancelled ? 'cancelled' : 'error',
    errorCode: input.failure?.code ?? null,
    keySource: open.keySource,
    usage: input.usage,
    costNanoUsd: estimateCostNanoUsd(open.provider, open.model, input.usage),
    latencyMs: performance.now() - open.started,
  });
}

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
