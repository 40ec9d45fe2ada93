import type { CredentialCipher } from '@ionflux/kit/crypto';
import type { Identity } from '@ionflux/kit/identity';
import { openSealedKey } from '../keys/workspace-key-store.ts';
import { NO_USAGE, type ProviderCall, type TokenCounts } from '../providers/llm-adapter.ts';
import { estimateCostNanoUsd } from '../providers/price-table.ts';
import { centralKeyModels } from '../providers/provider-catalog.ts';
import type { LlmFailure } from '../providers/provider-failure.ts';
import type { StoredProvider } from '../providers/stored-provider.ts';
import type { LedgerCall } from '../usage/ledger-call.ts';
import type { SealedKeyRow } from '../usage/ledger-writer.ts';
import type { CallServices } from './call-services.ts';
import { recordRejection } from './record-rejection.ts';
import { refusalFailure } from './refusal-failure.ts';

export type Operation = LedgerCall['operation'];

/** A provider call that holds a key, a `pending` ledger row and maybe reservations until {@link closeCall}. */
export interface OpenCall {
  provider: StoredProvider;
  model: string;
  call: ProviderCall;
  keySource: 'central' | 'workspace';
  entryId: string;
  /** Output tokens the call may produce: the caller's limit, or the default when a quota or budget needs one. */
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

export type OpenedCall = { ok: true; open: OpenCall } | { ok: false; failure: LlmFailure };

/**
 * Opens a provider call with one statement (`ledger.open`, one round trip) that reads the workspace's
 * key (its own over IONFLUX's, spec 1.2), reserves the call's worst case against the workspace quota and,
 * on IONFLUX's key, the platform budget, and writes its `pending` ledger row; then opens the key. The
 * call may be sent only once this resolves `ok`: the ledger holds every call before the provider sees
 * it. A call that cannot go ahead is ledgered here with its error, and what it held is released.
 */
export async function openCall(
  services: CallServices,
  identity: Identity,
  input: OpenCallInput,
): Promise<OpenedCall> {
  const started = performance.now();
  const outputTokens = input.maxTokens ?? services.config.LLM_DEFAULT_MAX_TOKENS;
  const worstCase = {
    tokens: input.promptTokensEstimate + outputTokens,
    costNanoUsd: estimateCostNanoUsd(input.provider, input.model, {
      promptTokens: input.promptTokensEstimate,
      completionTokens: outputTokens,
    }),
  };
  const { outcome, entryId, sealedKey } = await services.ledger.open({
    requestId: input.requestId,
    workspaceId: identity.workspaceId,
    userId: identity.userId,
    provider: input.provider,
    model: input.model,
    operation: input.operation,
    fallbackFrom: input.fallbackFrom,
    worstCase,
    centralKeyAllowed: centralKeyModels(
      input.provider,
      input.operation === 'embedding' ? 'EMBEDDING' : 'CHAT',
    ).includes(input.model),
    dailyBudgetNanoUsd: services.dailyBudgetNanoUsd,
  });
  // Finishes the row the statement wrote as refused, which releases what it reserved.
  const refuse = (failure: LlmFailure, row: string, keySource: 'central' | 'workspace') => {
    closeCall(
      services,
      { entryId: row, provider: input.provider, model: input.model, keySource, started },
      { usage: NO_USAGE, failure },
    );
    return { ok: false as const, failure };
  };
  if (!outcome.ok || entryId === undefined) {
    const failure: LlmFailure = outcome.ok
      ? { code: 'QUOTA_EXCEEDED', message: 'The workspace quota refused this request.' }
      : refusalFailure(outcome, { ...input, worstCase, dailyBudgetNanoUsd: services.dailyBudgetNanoUsd });
    // A row is written for a refusal only when something was reserved before it (the quota and the
    // budget racing): finishing it releases that. Otherwise the refusal gets a finished row of its own.
    if (entryId !== undefined)
      return refuse(failure, entryId, sealedKey === undefined ? 'central' : 'workspace');
    await recordRejection(services, identity, { ...input, failure, started });
    return { ok: false, failure };
  }
  const workspaceKey =
    services.cipher && sealedKey ? openKey(services.cipher, identity.workspaceId, sealedKey) : undefined;
  if (workspaceKey instanceof KeyUnreadable) {
    // Tampered, copied from another row, or sealed under a key this service no longer holds: never fall
    // back to the central key silently, since the workspace asked for its own to be used.
    services.logger.error(
      { err: workspaceKey.cause, workspaceId: identity.workspaceId, provider: input.provider },
      'workspace provider key cannot be opened',
    );
    const message = `The workspace's ${input.provider} key cannot be decrypted; set it again with setWorkspaceProviderKey.`;
    return refuse({ code: 'INTERNAL', message }, entryId, 'workspace');
  }
  const apiKey = workspaceKey ?? (await services.centralKeys.get(input.provider));
  if (apiKey === undefined) {
    const message = `No ${input.provider} key is available: IONFLUX has no central key for it and the workspace has not set one.`;
    return refuse({ code: 'PROVIDER_API_ERROR', message }, entryId, 'central');
  }
  const keySource = workspaceKey === undefined ? 'central' : 'workspace';
  return {
    ok: true,
    open: {
      provider: input.provider,
      model: input.model,
      call: { apiKey, signal: input.signal, keySource, workspaceId: identity.workspaceId },
      keySource,
      entryId,
      // With a quota or the platform budget the worst case must be real, so the limit reserved is the
      // limit sent.
      maxTokens: outcome.holdsQuota || outcome.holdsBudget ? outputTokens : input.maxTokens,
      started,
    },
  };
}

export interface CloseCallInput {
  usage: TokenCounts;
  failure: LlmFailure | undefined;
}

/**
 * Finishes the call's ledger row with the reported usage and settles its reservations. The ledger
 * writes it in the background (and retries it), so the caller's answer does not wait for it.
 */
export function closeCall(
  services: Pick<CallServices, 'ledger'>,
  open: Pick<OpenCall, 'entryId' | 'provider' | 'model' | 'keySource' | 'started'>,
  input: CloseCallInput,
): void {
  services.ledger.finish(open.entryId, {
    provider: open.provider,
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
