import { formatTime, h, table } from './dom.ts';
import type { ConsoleApi } from './graphql-client.ts';
import { type ChartSeries, lineChart } from './line-chart.ts';

type UsageGroup = {
  provider: string;
  model: string;
  userId: string;
  requests: number;
  errors: number;
  totalTokens: number;
  estimatedCostUsd: number | null;
};
type Usage = { requests: number; totalTokens: number; estimatedCostUsd: number; groups: UsageGroup[] };
type Quota = {
  period: string;
  maxTokens: number | null;
  maxCostUsd: number | null;
  periodStart: string;
  usedTokens: number;
  usedCostUsd: number;
} | null;

const dayMs = 86_400_000;
const days = 7;
/** Lines one breakdown chart draws at most: the largest keys of the week, the rest summed as "other". */
const maxLines = 6;

/**
 * One line per key (provider, model or user) of `value` per day: the week's largest `maxLines` keys, the
 * others summed under "other".
 */
function breakdown(
  daily: Usage[],
  keyOf: (group: UsageGroup) => string,
  value: (group: UsageGroup) => number,
): ChartSeries[] {
  const totals = new Map<string, number>();
  for (const day of daily) {
    for (const group of day.groups) totals.set(keyOf(group), (totals.get(keyOf(group)) ?? 0) + value(group));
  }
  const kept = [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, maxLines)
    .map(([key]) => key);
  const lines = totals.size > kept.length ? [...kept, 'other'] : kept;
  return lines.map((label) => ({
    label,
    values: daily.map((day) =>
      day.groups
        .filter((group) => (kept.includes(keyOf(group)) ? keyOf(group) === label : label === 'other'))
        .reduce((sum, group) => sum + value(group), 0),
    ),
  }));
}

/**
 * Tokens and estimated cost per day over the last week (one aliased `llmUsage` per day, in one request),
 * charted in total and by provider, model and user, a table per provider/model/user for the week, the quota with its consumption, quota/fallback forms and keys.
 */
export async function llmUsagePage(api: ConsoleApi, refresh: () => void): Promise<HTMLElement> {
  const end = Math.ceil(Date.now() / dayMs) * dayMs;
  const starts = Array.from({ length: days }, (_, index) => end - (days - index) * dayMs);
  const fields = 'requests totalTokens estimatedCostUsd';
  const perDay = starts
    .map(
      (start, index) =>
        `d${index}: llmUsage(from: "${new Date(start).toISOString()}", to: "${new Date(start + dayMs).toISOString()}") {
          ${fields} groups { provider model userId totalTokens estimatedCostUsd } }`,
    )
    .join('\n');
  const week = `week: llmUsage(from: "${new Date(starts[0] ?? end).toISOString()}", to: "${new Date(end).toISOString()}") {
    ${fields} groups { provider model userId requests errors totalTokens estimatedCostUsd } }`;
  const result = await api.request<
    Record<string, Usage> & {
      llmQuota: Quota;
      llmFallback: { provider: string; model: string } | null;
      llmProviders: {
        id: string;
        usable: boolean;
        workspaceKey: { lastFour: string; updatedAt: string } | null;
      }[];
    }
  >(`{ ${perDay} ${week} llmQuota { period maxTokens maxCostUsd periodStart usedTokens usedCostUsd }
      llmFallback { provider model } llmProviders { id usable workspaceKey { lastFour updatedAt } } }`);
  const section = h('section', { 'aria-labelledby': 'llm-title' }, h('h2', { id: 'llm-title' }, 'LLM usage'));
  if (!result.ok) {
    section.append(h('p', { role: 'alert' }, result.message));
    return section;
  }
  const data = result.data;
  const daily = starts.map((_, index) => data[`d${index}`] as Usage);
  const x = starts.map((start) => start / 1000);
  const weekUsage = data['week'] as Usage;
  section.append(
    h(
      'p',
      { class: 'totals' },
      `Last ${days} days: ${weekUsage.requests} requests, ${weekUsage.totalTokens} tokens, $${weekUsage.estimatedCostUsd.toFixed(6)} estimated`,
    ),
    h(
      'div',
      { class: 'charts' },
      lineChart('Tokens per day', x, [{ label: 'tokens', values: daily.map((d) => d.totalTokens) }]),
      lineChart(
        'Estimated cost per day (USD)',
        x,
        [{ label: 'cost USD', values: daily.map((d) => d.estimatedCostUsd) }],
        { decimals: 6 },
      ),
      lineChart(
        'Tokens per day by provider',
        x,
        breakdown(
          daily,
          (g) => g.provider,
          (g) => g.totalTokens,
        ),
      ),
      lineChart(
        'Estimated cost per day by model (USD)',
        x,
        breakdown(
          daily,
          (g) => `${g.provider} ${g.model}`,
          (g) => g.estimatedCostUsd ?? 0,
        ),
        { decimals: 6 },
      ),
      lineChart(
        'Tokens per day by user',
        x,
        breakdown(
          daily,
          (g) => g.userId,
          (g) => g.totalTokens,
        ),
      ),
    ),
    table(
      ['Provider', 'Model', 'User', 'Requests', 'Errors', 'Tokens', 'Cost (USD)'],
      weekUsage.groups.map((g) => [
        g.provider,
        g.model,
        g.userId,
        g.requests,
        g.errors,
        g.totalTokens,
        g.estimatedCostUsd?.toFixed(6) ?? 'unpriced',
      ]),
      'Usage by provider, model and user',
    ),
  );

  const status = h('p', { role: 'status', class: 'status' });
  const quota = data.llmQuota;
  section.append(
    h('h3', {}, 'Quota'),
    quota
      ? h(
          'p',
          { 'data-quota': '' },
          `${quota.period} since ${formatTime(quota.periodStart)}: ${quota.usedTokens}`,
          quota.maxTokens !== null ? ` of ${quota.maxTokens} tokens` : ' tokens',
          `, $${quota.usedCostUsd.toFixed(6)}`,
          quota.maxCostUsd !== null ? ` of $${quota.maxCostUsd}` : '',
          quota.maxTokens
            ? h('meter', {
                min: '0',
                max: String(quota.maxTokens),
                value: String(quota.usedTokens),
                'aria-label': 'tokens used',
              })
            : null,
        )
      : h('p', {}, 'No quota set.'),
  );
  const period = h(
    'select',
    { id: 'quota-period' },
    h('option', { value: 'DAY' }, 'Day'),
    h('option', { value: 'MONTH' }, 'Month'),
  );
  const maxTokens = h('input', { id: 'quota-tokens', type: 'number', min: '1' });
  const maxCost = h('input', { id: 'quota-cost', type: 'number', min: '0', step: 'any' });
  section.append(
    h(
      'form',
      {
        'aria-label': 'Set quota',
        onsubmit: async (event: Event) => {
          event.preventDefault();
          const input = {
            period: period.value,
            maxTokens: maxTokens.value ? Number(maxTokens.value) : null,
            maxCostUsd: maxCost.value ? Number(maxCost.value) : null,
          };
          const r = await api.request(
            `mutation($input: LlmQuotaInput!) { setLlmQuota(input: $input) { period } }`,
            { input },
          );
          status.textContent = r.ok ? 'Quota set.' : r.message;
          if (r.ok) refresh();
        },
      },
      h('label', { for: 'quota-period' }, 'Period'),
      period,
      h('label', { for: 'quota-tokens' }, 'Max tokens'),
      maxTokens,
      h('label', { for: 'quota-cost' }, 'Max cost USD'),
      maxCost,
      h('button', { type: 'submit' }, 'Set quota'),
      h(
        'button',
        {
          type: 'button',
          disabled: !quota,
          onclick: async () => {
            const r = await api.request(`mutation { removeLlmQuota }`);
            status.textContent = r.ok ? 'Quota removed.' : r.message;
            if (r.ok) refresh();
          },
        },
        'Remove quota',
      ),
    ),
  );
  const fbProvider = h(
    'select',
    { id: 'fallback-provider' },
    h('option', { value: '' }, '(none)'),
    ...data.llmProviders.map((p) => h('option', { value: p.id }, p.id)),
  );
  const fbModel = h('input', { id: 'fallback-model', value: data.llmFallback?.model ?? '' });
  section.append(
    h('h3', {}, 'Fallback'),
    h(
      'p',
      {},
      data.llmFallback ? `${data.llmFallback.provider} / ${data.llmFallback.model}` : 'No fallback.',
    ),
    h(
      'form',
      {
        'aria-label': 'Set fallback',
        onsubmit: async (event: Event) => {
          event.preventDefault();
          const r = await api.request(
            `mutation($p: LlmProviderId, $m: String) { setLlmFallback(provider: $p, model: $m) { provider } }`,
            { p: fbProvider.value || null, m: fbProvider.value ? fbModel.value : null },
          );
          status.textContent = r.ok ? 'Fallback saved.' : r.message;
          if (r.ok) refresh();
        },
      },
      h('label', { for: 'fallback-provider' }, 'Provider'),
      fbProvider,
      h('label', { for: 'fallback-model' }, 'Model'),
      fbModel,
      h('button', { type: 'submit' }, 'Save fallback'),
    ),
    h('h3', {}, 'Workspace keys'),
    table(
      ['Provider', 'Usable', 'Workspace key'],
      data.llmProviders.map((p) => [
        p.id,
        p.usable ? 'yes' : 'no',
        p.workspaceKey
          ? `…${p.workspaceKey.lastFour} (${formatTime(p.workspaceKey.updatedAt)})`
          : 'central key',
      ]),
      'Provider keys',
    ),
    status,
  );
  return section;
}
