import { formatTime, h, table } from './dom.ts';
import type { ConsoleApi } from './graphql-client.ts';

type Delivery = {
  id: string;
  topic: string;
  status: string;
  attempts: number;
  error: string | null;
  receivedAt: string;
  processedAt: string | null;
};

type Publish = {
  jobId: string;
  title: string;
  source: string;
  status: string;
  uploadedBytes: number;
  videoSize: number | null;
  error: { code: string; message: string } | null;
  createdAt: string;
  updatedAt: string;
};

const DELIVERY_FIELDS = 'id topic status attempts error receivedAt processedAt';

/** What each provider calls its connections' deliveries and their replay. */
const providers = {
  shopify: { list: 'shopifyWebhookDeliveries', replay: 'replayShopifyWebhookDelivery' },
  tiktok: { list: 'tiktokWebhookDeliveries', replay: 'replayTikTokWebhookDelivery' },
} as const;

type Connection = { id: string; name: string; status: string; provider: keyof typeof providers };

/**
 * Recent webhook deliveries per connection (Shopify stores and TikTok accounts), a FAILED or DEAD one
 * replayable; and each TikTok account's publish jobs.
 */
export async function webhooksPage(api: ConsoleApi, refresh: () => void): Promise<HTMLElement> {
  const section = h(
    'section',
    { 'aria-labelledby': 'webhooks-title' },
    h('h2', { id: 'webhooks-title' }, 'Webhooks and jobs'),
  );
  const status = h('p', { role: 'status', class: 'status' });
  const list = await api.request<{
    shopifyConnections: { id: string; shop: string; status: string }[];
    tiktokConnections: { id: string; username: string | null; displayName: string | null; status: string }[];
  }>(`{ shopifyConnections { id shop status } tiktokConnections { id username displayName status } }`);
  if (!list.ok) {
    section.append(h('p', { role: 'alert' }, list.message));
    return section;
  }
  const connections: Connection[] = [
    ...list.data.shopifyConnections.map((c) => ({ ...c, name: c.shop, provider: 'shopify' as const })),
    ...list.data.tiktokConnections.map((c) => ({
      ...c,
      name: `TikTok ${c.username ? `@${c.username}` : (c.displayName ?? c.id)}`,
      provider: 'tiktok' as const,
    })),
  ];
  if (connections.length === 0) section.append(h('p', {}, 'No connection yet.'));
  for (const connection of connections) {
    section.append(h('h3', {}, `${connection.name} (${connection.status})`));
    section.append(h('h4', {}, 'Webhook deliveries'), await deliveriesOf(api, connection, status, refresh));
    if (connection.provider === 'tiktok')
      section.append(h('h4', {}, 'Publish jobs'), await publishesOf(api, connection));
  }
  section.append(h('button', { type: 'button', onclick: refresh }, 'Refresh'), status);
  return section;
}

async function deliveriesOf(
  api: ConsoleApi,
  connection: Connection,
  status: HTMLElement,
  refresh: () => void,
): Promise<HTMLElement> {
  const { list, replay } = providers[connection.provider];
  const result = await api.request<Record<string, Delivery[]>>(
    `query($id: ID!) { ${list}(connectionId: $id, first: 50) { ${DELIVERY_FIELDS} } }`,
    { id: connection.id },
  );
  if (!result.ok) return h('p', { role: 'alert' }, result.message);
  const rows = (result.data[list] ?? []).map((d) => [
    d.topic,
    formatTime(d.receivedAt),
    formatTime(d.processedAt),
    h('span', { 'data-delivery-status': d.id }, d.status),
    d.attempts,
    d.error ?? '',
    d.status === 'DEAD' || d.status === 'FAILED'
      ? h(
          'button',
          {
            type: 'button',
            'data-replay': d.id,
            onclick: async () => {
              const r = await api.request(
                `mutation($c: ID!, $id: ID!) { ${replay}(connectionId: $c, id: $id) { id status } }`,
                { c: connection.id, id: d.id },
              );
              status.textContent = r.ok ? `Delivery ${d.topic} queued again.` : r.message;
              if (r.ok) refresh();
            },
          },
          'Replay',
        )
      : '',
  ]);
  return rows.length
    ? table(
        ['Topic', 'Received', 'Processed', 'Status', 'Attempts', 'Error', ''],
        rows,
        `Webhook deliveries of ${connection.name}`,
      )
    : h('p', {}, 'No deliveries received since it was connected.');
}

/** 32768 → "32.0 KiB", 5242880 → "5.0 MiB". */
const size = (bytes: number | null) =>
  bytes === null
    ? '—'
    : bytes < 1_048_576
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${(bytes / 1_048_576).toFixed(1)} MiB`;

async function publishesOf(api: ConsoleApi, connection: Connection): Promise<HTMLElement> {
  const result = await api.request<{ tiktokPublishes: Publish[] }>(
    `query($id: ID!) { tiktokPublishes(connectionId: $id, first: 20) {
      jobId title source status uploadedBytes videoSize error { code message } createdAt updatedAt } }`,
    { id: connection.id },
  );
  if (!result.ok) return h('p', { role: 'alert' }, result.message);
  const rows = result.data.tiktokPublishes.map((p) => [
    p.title,
    p.source,
    h('span', { 'data-publish-status': p.jobId }, p.status),
    p.source === 'FILE_UPLOAD' ? `${size(p.uploadedBytes)} of ${size(p.videoSize)}` : '—',
    p.error ? `${p.error.code}: ${p.error.message}` : '',
    formatTime(p.createdAt),
    formatTime(p.updatedAt),
  ]);
  return rows.length
    ? table(
        ['Title', 'Source', 'Status', 'Uploaded', 'Error', 'Created', 'Updated'],
        rows,
        `Publish jobs of ${connection.name}`,
      )
    : h('p', {}, 'No publish jobs for this account.');
}
