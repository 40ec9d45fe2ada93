// First: keeps an unusable browser language from stopping the chart library as it loads.
import './locale-guard.ts';
import { CONSOLE_CONFIG_ELEMENT_ID } from '../console-config.ts';
import { connectionsPage } from './connections-page.ts';
import { forgetConsoleToken, readConsoleToken, storeConsoleToken } from './console-token.ts';
import { h } from './dom.ts';
import { createConsoleApi } from './graphql-client.ts';
import { llmUsagePage } from './llm-usage-page.ts';
import { notificationsPage } from './notifications-page.ts';
import { salesPage } from './sales-page.ts';
import { webhooksPage } from './webhooks-page.ts';

const pages = ['connections', 'webhooks', 'llm', 'sales', 'notifications'] as const;
type PageName = (typeof pages)[number];
const titles: Record<PageName, string> = {
  connections: 'Connections',
  webhooks: 'Webhooks',
  llm: 'LLM usage',
  sales: 'Sales',
  notifications: 'Notifications',
};

const configText = document.getElementById(CONSOLE_CONFIG_ELEMENT_ID)?.textContent ?? '{}';
const endpoint = (JSON.parse(configText) as { endpoint?: string }).endpoint ?? '/graphql';
const root = document.getElementById('console');
if (root === null) throw new Error('console: missing #console element');

const token = readConsoleToken(window.location, window.history, window.sessionStorage);
if (token) showConsole(token);
else showSignIn();

function showSignIn(message?: string): void {
  const input = h('textarea', {
    id: 'token',
    rows: '4',
    required: true,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  root?.replaceChildren(
    h(
      'main',
      { class: 'sign-in' },
      h('h1', {}, 'IONFLUX integration console'),
      message ? h('p', { role: 'alert' }, message) : null,
      h(
        'form',
        {
          onsubmit: (event: Event) => {
            event.preventDefault();
            storeConsoleToken(window.sessionStorage, input.value);
            showConsole(input.value.trim());
          },
        },
        h('label', { for: 'token' }, 'JWT of your workspace (kept in this tab only)'),
        input,
        h('button', { type: 'submit' }, 'Sign in'),
      ),
    ),
  );
  input.focus();
}

function showConsole(jwt: string): void {
  const api = createConsoleApi(endpoint, jwt);
  const main = h('main', { id: 'page', tabindex: '-1' });
  let close = () => {};
  const current = (): PageName => {
    const name = window.location.hash.replace(/^#/, '');
    return (pages as readonly string[]).includes(name) ? (name as PageName) : 'connections';
  };
  const render = async () => {
    close();
    close = () => {};
    const name = current();
    for (const link of nav.querySelectorAll('a')) {
      if (link.getAttribute('href') === `#${name}`) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    main.replaceChildren(h('p', { role: 'status' }, 'Loading…'));
    main.dataset['page'] = name;
    main.dataset['ready'] = 'false';
    const refresh = () => void render();
    let element: HTMLElement;
    switch (name) {
      case 'connections':
        element = await connectionsPage(api, refresh);
        break;
      case 'webhooks':
        element = await webhooksPage(api, refresh);
        break;
      case 'llm':
        element = await llmUsagePage(api, refresh);
        break;
      case 'sales': {
        const page = await salesPage(api);
        element = page.element;
        close = page.close;
        break;
      }
      case 'notifications': {
        const page = await notificationsPage(api);
        element = page.element;
        close = page.close;
        break;
      }
      default: {
        const unreachable: never = name;
        throw new Error(`unknown page ${String(unreachable)}`);
      }
    }
    if (current() !== name) return; // the user moved on meanwhile
    main.replaceChildren(element);
    main.dataset['ready'] = 'true';
  };
  const nav = h(
    'nav',
    { 'aria-label': 'Console pages' },
    h('ul', {}, ...pages.map((name) => h('li', {}, h('a', { href: `#${name}` }, titles[name])))),
  );
  root?.replaceChildren(
    h(
      'header',
      {},
      h('h1', {}, 'IONFLUX console'),
      nav,
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            close();
            forgetConsoleToken(window.sessionStorage);
            showSignIn();
          },
        },
        'Sign out',
      ),
    ),
    main,
  );
  window.addEventListener('hashchange', () => {
    void render().then(() => main.focus());
  });
  void render();
}
