import { CALL_ACTIVITY_SELECTION, type CallActivity, callsCell } from './connection-calls.ts';
import { formatTime, h, table } from './dom.ts';
import type { ConsoleApi } from './graphql-client.ts';
import {
  TIKTOK_CONNECTION_FIELDS,
  type TikTokConnectionRow,
  tiktokConnections,
} from './tiktok-connections.ts';

export type ShopifyConnectionRow = {
  id: string;
  brandId: string;
  shop: string;
  shopName: string | null;
  status: string;
  scopes: string[];
  health: string;
  healthReason: string | null;
  lastSyncedAt: string | null;
  syncStatus: string | null;
  syncErrorCode: string | null;
  connectedAt: string | null;
};

export const CONNECTIONS_QUERY = `{ shopifyConnections { id brandId shop shopName status scopes health healthReason
  lastSyncedAt syncStatus syncErrorCode connectedAt } tiktokConnections { ${TIKTOK_CONNECTION_FIELDS} }
  ${CALL_ACTIVITY_SELECTION} }`;

/** Connections of the workspace with their state, and connect / sync now / disconnect. */
export async function connectionsPage(api: ConsoleApi, refresh: () => void): Promise<HTMLElement> {
  const result = await api.request<{
    shopifyConnections: ShopifyConnectionRow[];
    tiktokConnections: TikTokConnectionRow[];
    integrationConnections: CallActivity[];
  }>(CONNECTIONS_QUERY);
  const section = h(
    'section',
    { 'aria-labelledby': 'connections-title' },
    h('h2', { id: 'connections-title' }, 'Connections'),
  );
  const status = h('p', { role: 'status', class: 'status' });
  if (!result.ok) {
    section.append(h('p', { role: 'alert' }, result.message));
    return section;
  }
  const calls = new Map(result.data.integrationConnections.map((activity) => [activity.id, activity]));
  const rows = result.data.shopifyConnections.map((c) => [
    h('span', {}, c.shopName ?? c.shop, h('br'), h('small', {}, c.shop)),
    h('span', { 'data-connection-status': c.id }, c.status),
    h('span', {}, c.health, c.healthReason ? ` — ${c.healthReason}` : ''),
    callsCell(c.id, calls.get(c.id)),
    c.scopes.join(', '),
    h(
      'span',
      { 'data-sync-status': c.id },
      c.syncStatus ?? 'never',
      c.syncErrorCode ? ` (${c.syncErrorCode})` : '',
    ),
    h('span', { 'data-last-synced': c.id }, formatTime(c.lastSyncedAt)),
    h(
      'span',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          disabled: c.status !== 'CONNECTED',
          onclick: async () => {
            status.textContent = `Scheduling a sync of ${c.shop}…`;
            const r = await api.request(
              `mutation($id: ID!) { syncShopifyConnection(connectionId: $id) { id syncStatus } }`,
              { id: c.id },
            );
            status.textContent = r.ok ? `Sync of ${c.shop} scheduled.` : r.message;
            if (r.ok) refresh();
          },
        },
        'Sync now',
      ),
      h(
        'button',
        {
          type: 'button',
          disabled: c.status === 'DISCONNECTED',
          onclick: async () => {
            if (!window.confirm(`Disconnect ${c.shop}? Its webhooks are removed and its token forgotten.`))
              return;
            const r = await api.request(
              `mutation($id: ID!) { disconnectShopifyConnection(connectionId: $id) { id status } }`,
              { id: c.id },
            );
            status.textContent = r.ok ? `${c.shop} disconnected.` : r.message;
            if (r.ok) refresh();
          },
        },
        'Disconnect',
      ),
    ),
  ]);
  section.append(
    h('h3', {}, 'Shopify stores'),
    table(
      ['Store', 'Status', 'Health', 'Calls', 'Scopes', 'Sync', 'Last synced', 'Actions'],
      rows,
      'Shopify connections',
    ),
    status,
  );

  const shop = h('input', {
    id: 'connect-shop',
    name: 'shop',
    required: true,
    placeholder: 'your-store.myshopify.com',
  });
  const brand = h('input', { id: 'connect-brand', name: 'brand', required: true, placeholder: 'brand id' });
  section.append(
    h(
      'form',
      {
        'aria-label': 'Connect a Shopify store',
        onsubmit: async (event: Event) => {
          event.preventDefault();
          const r = await api.request<{ startShopifyConnection: { authorizationUrl: string } }>(
            `mutation($brand: ID!, $shop: String!) { startShopifyConnection(brandId: $brand, shop: $shop) { authorizationUrl } }`,
            { brand: brand.value, shop: shop.value },
          );
          if (!r.ok) {
            status.textContent = r.message;
            return;
          }
          // The OAuth flow runs in this browser: the start link binds it with a cookie, then consent, then back.
          window.location.assign(r.data.startShopifyConnection.authorizationUrl);
        },
      },
      h('h3', {}, 'Connect a store'),
      h('label', { for: 'connect-brand' }, 'Brand'),
      brand,
      h('label', { for: 'connect-shop' }, 'Shop'),
      shop,
      h('button', { type: 'submit' }, 'Connect'),
    ),
    ...tiktokConnections(api, result.data.tiktokConnections, calls, status, refresh),
  );
  return section;
}
