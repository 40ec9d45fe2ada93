import { IntegrationError } from '@ionflux/kit/errors';
import type { LlmContext } from '../context.ts';
import type {
  LlmFallback,
  LlmProviderId,
  LlmQuota,
  LlmQuotaInput,
  LlmUsageReport,
} from '../generated/resolvers-types.ts';
import { NANO_PER_USD } from '../providers/price-table.ts';
import { toProviderId, toStoredProvider } from '../providers/stored-provider.ts';
import { getFallback, setFallback } from '../settings/fallback-store.ts';
import { getQuota, type QuotaRow, removeQuota, setQuota } from '../usage/quota-store.ts';
import { usageReport } from '../usage/usage-report.ts';

const MAX_RANGE_MS = 366 * 24 * 3600 * 1000;

/** `Query.llmUsage`: the caller's workspace only; user and workspace come from the identity. */
export async function llmUsage(
  { identity, services }: LlmContext,
  from: Date,
  to: Date,
): Promise<LlmUsageReport> {
  if (!(from < to) || to.getTime() - from.getTime() > MAX_RANGE_MS) {
    throw new IntegrationError('INVALID_REQUEST', '`from` must be before `to`, at most a year apart.');
  }
  const groups = await usageReport(services.sql, identity.workspaceId, from, to);
  return {
    from,
    to,
    requests: groups.reduce((sum, group) => sum + group.requests, 0),
    totalTokens: groups.reduce((sum, group) => sum + group.totalTokens, 0),
    estimatedCostUsd: groups.reduce((sum, group) => sum + group.costNanoUsd, 0) / NANO_PER_USD,
    unpricedRequests: groups.reduce((sum, group) => sum + group.unpricedRequests, 0),
    groups: groups.map(({ costNanoUsd, provider, ...group }) => ({
      ...group,
      provider: toProviderId(provider),
      // An unknown cost is shown as unknown, never as a partial sum.
      estimatedCostUsd: group.unpricedRequests > 0 ? null : costNanoUsd / NANO_PER_USD,
    })),
  };
}

function toQuota(row: QuotaRow): LlmQuota {
  const usd = (nano: number | null) => (nano === null ? null : nano / NANO_PER_USD);
  return {
    period: row.period === 'day' ? 'DAY' : 'MONTH',
    maxTokens: row.maxTokens,
    maxCostUsd: usd(row.maxCostNanoUsd),
    periodStart: new Date(row.periodStart),
    usedTokens: row.usedTokens,
    usedCostUsd: usd(row.usedCostNanoUsd) ?? 0,
    reservedTokens: row.reservedTokens,
    reservedCostUsd: usd(row.reservedCostNanoUsd) ?? 0,
  };
}

export async function llmQuota({ identity, services }: LlmContext): Promise<LlmQuota | null> {
  const row = await getQuota(services.sql, identity.workspaceId);
  return row ? toQuota(row) : null;
}

/** The largest cost limit a quota takes: far above any real budget, far below the ledger's bigint. */
const MAX_QUOTA_COST_USD = 1_000_000;

export async function setLlmQuota(
  { identity, services }: LlmContext,
  input: LlmQuotaInput,
): Promise<LlmQuota> {
  const maxTokens = input.maxTokens ?? null;
  const maxCostUsd = input.maxCostUsd ?? null;
  if ((maxTokens !== null && maxTokens < 0) || (maxCostUsd !== null && maxCostUsd < 0)) {
    throw new IntegrationError('INVALID_REQUEST', 'Quota limits must not be negative.');
  }
  if (maxCostUsd !== null && maxCostUsd > MAX_QUOTA_COST_USD) {
    throw new IntegrationError(
      'INVALID_REQUEST',
      `maxCostUsd may be at most ${MAX_QUOTA_COST_USD.toLocaleString('en-US')} USD; use removeLlmQuota for no cost limit.`,
    );
  }
  if (maxTokens === null && maxCostUsd === null) {
    throw new IntegrationError(
      'INVALID_REQUEST',
      'Set maxTokens, maxCostUsd or both; use removeLlmQuota for none.',
    );
  }
  const row = await setQuota(services.sql, identity.workspaceId, {
    period: input.period === 'DAY' ? 'day' : 'month',
    maxTokens,
    maxCostNanoUsd: maxCostUsd === null ? null : Math.round(maxCostUsd * NANO_PER_USD),
  });
  return toQuota(row);
}

/** `Mutation.removeLlmQuota`: the workspace's own quota only; the platform budget is not the API's to lift. */
export function removeLlmQuota({ identity, services }: LlmContext): Promise<boolean> {
  return removeQuota(services.sql, identity.workspaceId);
}

export async function llmFallback({ identity, services }: LlmContext): Promise<LlmFallback | null> {
  const fallback = await getFallback(services.db, identity.workspaceId);
  return fallback ? { provider: toProviderId(fallback.provider), model: fallback.model } : null;
}

export async function setLlmFallback(
  { identity, services }: LlmContext,
  provider: LlmProviderId | null | undefined,
  model: string | null | undefined,
): Promise<LlmFallback | null> {
  if (!provider) {
    await setFallback(services.db, identity.workspaceId, undefined);
    return null;
  }
  const stored = toStoredProvider(provider);
  const chosen = model?.trim() || services.adapters[stored].defaultChatModel;
  await setFallback(services.db, identity.workspaceId, { provider: stored, model: chosen });
  return { provider, model: chosen };
}
