import { NANO_PER_USD } from '../providers/price-table.ts';
import { centralKeyModels } from '../providers/provider-catalog.ts';
import type { LlmFailure } from '../providers/provider-failure.ts';
import type { StoredProvider } from '../providers/stored-provider.ts';
import type { LedgerCall } from '../usage/ledger-call.ts';
import type { ReserveOutcome } from '../usage/ledger-writer.ts';

/** What the opening statement was asked to hold when it refused. */
export interface RefusedCall {
  provider: StoredProvider;
  model: string;
  operation: LedgerCall['operation'];
  worstCase: { tokens: number; costNanoUsd: number | null };
  /** The platform budget per workspace and UTC day in nano-USD; null: none. */
  dailyBudgetNanoUsd: number | null;
}

/** The failure a refused opening answers with, naming the rule and what the caller can do. */
export function refusalFailure(
  outcome: Extract<ReserveOutcome, { ok: false }>,
  call: RefusedCall,
): LlmFailure {
  const secondsUntil = (at: Date) => Math.max(1, Math.ceil((at.getTime() - Date.now()) / 1000));
  switch (outcome.refusal) {
    case 'unknown_model': {
      const kind = call.operation === 'embedding' ? 'EMBEDDING' : 'CHAT';
      const known = centralKeyModels(call.provider, kind);
      return {
        code: 'INVALID_REQUEST',
        message: `${call.model} is not a ${call.provider} ${kind === 'CHAT' ? 'chat' : 'embedding'} model IONFLUX serves with its own key (its cost could not be known). Known ${call.provider} models: ${known.length > 0 ? known.join(', ') : 'none'}. Or set the workspace's own ${call.provider} key (setWorkspaceProviderKey) to call any model.`,
      };
    }
    case 'quota':
      if (outcome.limit === 'unpriced') {
        return {
          code: 'INVALID_REQUEST',
          message: `${call.model} has no list price, so the workspace's spending quota (maxCostUsd) cannot hold it. Use a model listed with a price in llmProviders, or limit the quota by tokens instead.`,
        };
      }
      return {
        code: 'QUOTA_EXCEEDED',
        message: `The workspace's ${outcome.limit === 'tokens' ? 'token' : 'spending'} quota for this period would be exceeded by this request (up to ${call.worstCase.tokens} tokens); it renews at ${outcome.periodEndsAt.toISOString()}.`,
        retryAfterSeconds: secondsUntil(outcome.periodEndsAt),
      };
    case 'budget': {
      const resetsAt = nextUtcMidnight();
      const budget = usd(call.dailyBudgetNanoUsd ?? 0);
      const cost = usd(call.worstCase.costNanoUsd ?? 0);
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
