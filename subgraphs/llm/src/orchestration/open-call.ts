import type { CredentialCipher } from '@ionflux/kit/crypto';
import type { Identity } from '@ionflux/kit/identity';
import { openSealedKey } from '../keys/workspace-key-store.ts';
import { NO_USAGE, type ProviderCall, type TokenCounts } from '../providers/llm-adapter.ts';
import { centralKeyModels } from '../providers/provider-catalog.ts';
import type { LlmFailure } from '../providers/provider-failure.ts';
import type { StoredProvider } from '../providers/stored-provider.ts';
import type { LlmServices } from '../services.ts';
import { beginUsage, type ReserveOutcome, type SealedKeyRow } from '../usage/begin-usage.ts';
import { estimateCostNanoUsd, NANO_PER_USD } from '../usage/price-table.ts';
import { recordRejection } from './record-rejection.ts';

export type Operation = 'completion' | 'stream' | 'embedding';

/** A provider call that holds a key, a `pending` ledger row and maybe a quota reservation until {@link closeCall}. */
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
    centralKeyAllowed: isCentralKeyModel(input.provider, input.model, input.operation),
    dailyBudgetNanoUsd: services.dailyBudgetNanoUsd,
  });
  services.callPolicies.remember(
    identity.workspaceId,
    input.provider,
    outcome.ok && !outcome.holdsQuota && !outcome.holdsBudget && sealedKey === undefined,
  );
  if (!outcome.ok || entryId === undefined) {
    const failure = refusalOf(services, input, outcome, worstCase);
    if (entryId === undefined) {
      await recordRejection(services, identity, { ...input, failure, started });
    } else {
      // Refused after a reservation was made (a race between quota and budget): finishing the row as
      // refused releases it.
      const keySource = sealedKey === undefined ? 'central' : 'workspace';
      closeCall(
        services,
        { entryId, provider: input.provider, model: input.model, keySource, started },
        {
          usage: NO_USAGE,
          failure,
        },
      );
    }
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

/** Whether IONFLUX's own key may serve this model: one of the catalog's, for this kind of call. */
export function isCentralKeyModel(provider: StoredProvider, model: string, operation: Operation): boolean {
  return centralKeyModels(provider, operation === 'embedding' ? 'EMBEDDING' : 'CHAT').includes(model);
}

/** The failure a refused opening answers with, naming the rule and what the caller can do. */
function refusalOf(
  services: LlmServices,
  input: OpenCallInput,
  outcome: ReserveOutcome,
  worstCase: { tokens: number; costNanoUsd: number | null },
): LlmFailure {
  const secondsUntil = (at: Date) => Math.max(1, Math.ceil((at.getTime() - Date.now()) / 1000));
  if (outcome.ok) return { code: 'QUOTA_EXCEEDED', message: 'The workspace quota refused this request.' };
  switch (outcome.refusal) {
    case 'unknown_model': {
      const kind = input.operation === 'embedding' ? 'EMBEDDING' : 'CHAT';
      const known = centralKeyModels(input.provider, kind);
      return {
        code: 'INVALID_REQUEST',
        message: `${input.model} is not a ${input.provider} ${kind === 'CHAT' ? 'chat' : 'embedding'} model IONFLUX serves with its own key (its cost could not be known). Known ${input.provider} models: ${known.length > 0 ? known.join(', ') : 'none'}. Or set the workspace's own ${input.provider} key (setWorkspaceProviderKey) to call any model.`,
      };
    }
    case 'quota':
      if (outcome.limit === 'unpriced') {
        return {
          code: 'INVALID_REQUEST',
          message: `${input.model} has no list price, so the workspace's spending quota (maxCostUsd) cannot hold it. Use a model listed with a price in llmProviders, or limit the quota by tokens instead.`,
        };
      }
      return {
        code: 'QUOTA_EXCEEDED',
        message: `The workspace's ${outcome.limit === 'tokens' ? 'token' : 'spending'} quota for this period would be exceeded by this request (up to ${worstCase.tokens} tokens); it renews at ${outcome.periodEndsAt.toISOString()}.`,
        retryAfterSeconds: secondsUntil(outcome.periodEndsAt),
      };
    case 'budget': {
      const resetsAt = nextUtcMidnight();
      const budget = usd(services.dailyBudgetNanoUsd ?? 0);
      const cost = usd(worstCase.costNanoUsd ?? 0);
      return {
        code: 'QUOTA_EXCEEDED',
        message: `This request (up to ${cost}) would take the workspace past IONFLUX's platform budget for calls on IONFLUX's own provider keys, ${budget} per day; it resets at ${resetsAt.toISOString()} (midnight UTC). Calls with the workspace's own provider key (setWorkspaceProviderKey) do not count against it.`,
        retryAfterSeconds: secondsUntil(resetsAt),
      };
    }
    default: {
      const unreachable: never = outcome;
      return unreachable;
    }
  }
}

/** Dollars to the cent, or to two significant figures below a cent. */
function usd(nanoUsd: number): string {
  const dollars = nanoUsd / NANO_PER_USD;
  return `$${dollars >= 0.01 || dollars === 0 ? dollars.toFixed(2) : dollars.toPrecision(2)}`;
}

function nextUtcMidnight(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
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
