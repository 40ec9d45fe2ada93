import type { ShopifyConnectionRow } from './connections-page.ts';
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

const DELIVERIES = `query($id: ID!) { shopifyWebhookDeliveries(connectionId: $id, first: 50) {
  id topic status attempts error receivedAt processedAt } }`;

/** Recent webhook deliveries per Shopify connection; a DEAD (or FAILED) one can be replayed. */
export async function webhooksPage(api: ConsoleApi, refresh: () => void): Promise<HTMLElement> {
  const section = h(
    'section',
    { 'aria-labelledby': 'webhooks-title' },
    h('h2', { id: 'webhooks-title' }, 'Webhooks'),
  );
  const status = h('p', { role: 'status', class: 'status' });
  const list = await api.request<{ shopifyConnections: ShopifyConnectionRow[] }>(
    `{ shopifyConnections { id shop status } }`,
  );
  if (!list.ok) {
    section.append(h('p', { role: 'alert' }, list.message));
    return section;
  }
  if (list.data.shopifyConnections.length === 0) section.append(h('p', {}, 'No Shopify connection yet.'));
  for (const connection of list.data.shopifyConnections) {
    const result = await api.request<{ shopifyWebhookDeliveries: Delivery[] }>(DELIVERIES, {
      id: connection.id,
    });
    section.append(h('h3', {}, `${connection.shop} (${connection.status})`));
    if (!result.ok) {
      section.append(h('p', { role: 'alert' }, result.message));
      continue;
    }
    const rows = result.data.shopifyWebhookDeliveries.map((d) => [
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
                  `mutation($c: ID!, $id: ID!) { replayShopifyWebhookDelivery(connectionId: $c, id: $id) { id status } }`,
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
    section.append(
      rows.length
        ? table(
            ['Topic', 'Received', 'Processed', 'Status', 'Attempts', 'Error', ''],
            rows,
            `Webhook deliveries of ${connection.shop}`,
          )
        : h('p', {}, 'No deliveries received since it was connected.'),
    );
  }
  section.append(h('button', { type: 'button', onclick: refresh }, 'Refresh'), status);
  return section;
}
