import { formatTime, h } from './dom.ts';
import type { ConsoleApi } from './graphql-client.ts';

type Notification = {
  id: string;
  kind: string;
  severity: string;
  title: string;
  message: string;
  createdAt: string;
  readAt: string | null;
};
const FIELDS = 'id kind severity title message createdAt readAt';

/** The workspace's notifications, newest first, new ones arriving live; each can be marked read. */
export async function notificationsPage(
  api: ConsoleApi,
): Promise<{ element: HTMLElement; close: () => void }> {
  const section = h(
    'section',
    { 'aria-labelledby': 'notifications-title' },
    h('h2', { id: 'notifications-title' }, 'Notifications'),
  );
  const list = h('ul', { class: 'notifications', 'aria-live': 'polite' });
  const item = (n: Notification): HTMLLIElement => {
    const li = h(
      'li',
      { class: n.readAt ? 'read' : 'unread', 'data-notification': n.id },
      h('strong', {}, `[${n.severity}] ${n.title}`),
      ` ${n.message} `,
      h('small', {}, formatTime(n.createdAt)),
    );
    if (!n.readAt) {
      li.append(
        h(
          'button',
          {
            type: 'button',
            onclick: async () => {
              const r = await api.request(
                `mutation($ids: [ID!]!) { markWorkspaceNotificationsRead(ids: $ids) }`,
                { ids: [n.id] },
              );
              if (r.ok) li.replaceWith(item({ ...n, readAt: new Date().toISOString() }));
            },
          },
          'Mark as read',
        ),
      );
    }
    return li;
  };
  const result = await api.request<{ workspaceNotifications: Notification[] }>(
    `{ workspaceNotifications(first: 100) { ${FIELDS} } }`,
  );
  if (!result.ok) section.append(h('p', { role: 'alert' }, result.message));
  else list.append(...result.data.workspaceNotifications.map(item));
  if (list.childElementCount === 0)
    section.append(h('p', {}, 'No notifications yet; new ones appear here live.'));
  section.append(list);
  const close = api.subscribe<{ workspaceNotifications: Notification }>(
    `subscription { workspaceNotifications { ${FIELDS} } }`,
    {},
    ({ workspaceNotifications: n }) => list.prepend(item(n)),
    (message) => section.append(h('p', { role: 'alert' }, message)),
  );
  return { element: section, close };
}
