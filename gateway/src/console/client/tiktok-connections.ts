import { type CallActivity, callsCell } from './connection-calls.ts';
import { formatTime, h, table } from './dom.ts';
import type { ConsoleApi } from './graphql-client.ts';

export type TikTokConnectionRow = {
  id: string;
  ownerType: string;
  ownerId: string;
  username: string | null;
  displayName: string | null;
  status: string;
  scopes: string[];
  health: string;
  healthReason: string | null;
  connectedAt: string | null;
};

/** The fields the connections page reads of each TikTok account. */
export const TIKTOK_CONNECTION_FIELDS =
  'id ownerType ownerId username displayName status scopes health healthReason connectedAt';

/** Scopes typed as "a, b c" → ["a", "b", "c"]. */
const scopeList = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/**
 * TikTok accounts of the workspace: state and scopes, Request scopes (incremental grant on the same
 * connection), Disconnect, and a form to connect an account to a brand or a creator. The OAuth flows run
 * in this browser: the links bind it with a cookie, then TikTok's consent page, then back.
 */
export function tiktokConnections(
  api: ConsoleApi,
  connections: TikTokConnectionRow[],
  calls: ReadonlyMap<string, CallActivity>,
  status: HTMLElement,
  refresh: () => void,
): HTMLElement[] {
  const rows = connections.map((c) => {
    const extra = h('input', {
      'aria-label': `Scopes to add for ${c.username ?? c.id}`,
      'data-scopes-for': c.id,
      placeholder: 'video.list',
      size: '14',
    });
    return [
      h(
        'span',
        {},
        c.displayName ?? c.username ?? '—',
        h('br'),
        h('small', {}, c.username ? `@${c.username}` : c.id),
      ),
      `${c.ownerType.toLowerCase()} ${c.ownerId.slice(0, 8)}`,
      h('span', { 'data-tiktok-status': c.id }, c.status),
      h('span', {}, c.health, c.healthReason ? ` — ${c.healthReason}` : ''),
      callsCell(c.id, calls.get(c.id)),
      h('span', { 'data-tiktok-scopes': c.id }, c.scopes.join(', ')),
      formatTime(c.connectedAt),
      h(
        'span',
        { class: 'actions' },
        extra,
        h(
          'button',
          {
            type: 'button',
            'data-request-scopes': c.id,
            disabled: c.status === 'DISCONNECTED',
            onclick: async () => {
              const scopes = scopeList(extra.value);
              if (scopes.length === 0) {
                status.textContent = 'Type the scopes to request, e.g. video.list.';
                return;
              }
              const r = await api.request<{ requestTikTokScopes: { authorizationUrl: string } }>(
                `mutation($id: ID!, $scopes: [String!]!) { requestTikTokScopes(connectionId: $id, scopes: $scopes) { authorizationUrl } }`,
                { id: c.id, scopes },
              );
              if (r.ok) window.location.assign(r.data.requestTikTokScopes.authorizationUrl);
              else status.textContent = r.message;
            },
          },
          'Request scopes',
        ),
        h(
          'button',
          {
            type: 'button',
            'data-disconnect-tiktok': c.id,
            disabled: c.status === 'DISCONNECTED',
            onclick: async () => {
              const name = c.username ? `@${c.username}` : 'this TikTok account';
              if (!window.confirm(`Disconnect ${name}? Its token is revoked at TikTok and forgotten.`))
                return;
              const r = await api.request(
                `mutation($id: ID!) { disconnectTikTokConnection(connectionId: $id) { id status } }`,
                { id: c.id },
              );
              status.textContent = r.ok ? `${name} disconnected.` : r.message;
              if (r.ok) refresh();
            },
          },
          'Disconnect',
        ),
      ),
    ];
  });

  const ownerKind = h(
    'select',
    { id: 'tiktok-owner-kind', name: 'ownerKind' },
    h('option', { value: 'creator' }, 'Creator'),
    h('option', { value: 'brand' }, 'Brand'),
  );
  const ownerId = h('input', {
    id: 'tiktok-owner-id',
    name: 'ownerId',
    required: true,
    placeholder: 'creator or brand id',
  });
  const scopes = h('input', { id: 'tiktok-scopes', name: 'scopes', value: 'user.info.basic' });
  const form = h(
    'form',
    {
      'aria-label': 'Connect a TikTok account',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const owner = ownerKind.value === 'brand' ? { brandId: ownerId.value } : { creatorId: ownerId.value };
        const r = await api.request<{ startTikTokConnection: { authorizationUrl: string } }>(
          `mutation($brandId: ID, $creatorId: ID, $scopes: [String!]) {
            startTikTokConnection(brandId: $brandId, creatorId: $creatorId, scopes: $scopes) { authorizationUrl } }`,
          { ...owner, scopes: scopeList(scopes.value) },
        );
        if (r.ok) window.location.assign(r.data.startTikTokConnection.authorizationUrl);
        else status.textContent = r.message;
      },
    },
    h('h3', {}, 'Connect a TikTok account'),
    h('label', { for: 'tiktok-owner-kind' }, 'For'),
    ownerKind,
    h('label', { for: 'tiktok-owner-id' }, 'Id'),
    ownerId,
    h('label', { for: 'tiktok-scopes' }, 'Scopes'),
    scopes,
    h('button', { type: 'submit' }, 'Connect'),
  );
  return [
    h('h3', {}, 'TikTok accounts'),
    table(
      ['Account', 'Owner', 'Status', 'Health', 'Calls', 'Scopes', 'Connected', 'Actions'],
      rows,
      'TikTok connections',
    ),
    form,
  ];
}
