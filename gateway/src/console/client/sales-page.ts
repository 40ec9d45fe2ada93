import type { ShopifyConnectionRow } from './connections-page.ts';
import { formatTime, h, table } from './dom.ts';
import type { ConsoleApi } from './graphql-client.ts';
import { lineChart } from './line-chart.ts';

type Money = { amount: string; currencyCode: string };
type Summary = {
  orderCount: number;
  totalSales: Money;
  averageOrderValue: Money;
  lastSyncedAt: string | null;
  series: { start: string; orderCount: number; totalSales: Money }[];
  topProducts: { productId: string; title: string | null; quantity: number; sales: Money }[];
};
type SalesEvent = {
  id: string;
  kind: string;
  occurredAt: string;
  order: { name: string; totalPrice: Money } | null;
  product: { title: string } | null;
};

const REVENUE = `query($id: ID!, $from: DateTime!, $to: DateTime!, $interval: RevenueInterval!) {
  revenueSummary(connectionId: $id, from: $from, to: $to, interval: $interval) {
    orderCount totalSales { amount currencyCode } averageOrderValue { amount currencyCode } lastSyncedAt
    series { start orderCount totalSales { amount currencyCode } }
    topProducts(limit: 5) { productId title quantity sales { amount currencyCode } } } }`;

const SALES_EVENTS = `subscription($brand: ID!) { shopifySalesEvents(brandId: $brand) {
  id kind occurredAt order { name totalPrice { amount currencyCode } } product { title } } }`;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// The end date is inclusive; a range reaching today ends now, so the last bucket is the one being sold into
// (whatever the store's timezone) rather than an empty tail.
const rangeEnd = (day: string) =>
  new Date(Math.min(Date.parse(`${day}T00:00:00Z`) + 86_400_000, Date.now() + 60_000)).toISOString();

/**
 * Revenue of one store (interval switch, date range, totals, AOV, top products) and a live feed of its
 * brand's Sales Sentinel events; each event redraws the revenue. Returns the page and its cleanup.
 */
export async function salesPage(api: ConsoleApi): Promise<{ element: HTMLElement; close: () => void }> {
  const section = h('section', { 'aria-labelledby': 'sales-title' }, h('h2', { id: 'sales-title' }, 'Sales'));
  const list = await api.request<{ shopifyConnections: ShopifyConnectionRow[] }>(
    `{ shopifyConnections { id brandId shop status } }`,
  );
  if (!list.ok) {
    section.append(h('p', { role: 'alert' }, list.message));
    return { element: section, close: () => {} };
  }
  const connections = list.data.shopifyConnections.filter((c) => c.status !== 'DISCONNECTED');
  if (connections.length === 0) {
    section.append(h('p', {}, 'No connected store: connect one on the Connections page.'));
    return { element: section, close: () => {} };
  }
  const picker = h(
    'select',
    { id: 'sales-connection' },
    ...connections.map((c) => h('option', { value: c.id }, c.shop)),
  );
  const interval = h(
    'select',
    { id: 'sales-interval' },
    ...['DAY', 'WEEK', 'MONTH'].map((v) => h('option', { value: v }, v.toLowerCase())),
  );
  const from = h('input', { id: 'sales-from', type: 'date', value: isoDay(Date.now() - 30 * 86_400_000) });
  const to = h('input', { id: 'sales-to', type: 'date', value: isoDay(Date.now()) });
  const summary = h('div', { id: 'sales-summary', 'aria-live': 'polite' });
  const feed = h('ol', { id: 'sales-feed', 'aria-label': 'Live sales events', 'aria-live': 'polite' });
  let unsubscribe = () => {};

  const load = async () => {
    const r = await api.request<{ revenueSummary: Summary }>(REVENUE, {
      id: picker.value,
      from: `${from.value}T00:00:00Z`,
      to: rangeEnd(to.value),
      interval: interval.value,
    });
    if (!r.ok) {
      summary.replaceChildren(h('p', { role: 'alert' }, r.message));
      return;
    }
    const s = r.data.revenueSummary;
    summary.replaceChildren(
      h(
        'p',
        { class: 'totals' },
        `Orders ${s.orderCount} · total ${s.totalSales.amount} ${s.totalSales.currencyCode} · average order ${s.averageOrderValue.amount} · mirror synced ${formatTime(s.lastSyncedAt)}`,
      ),
      lineChart(
        'Revenue',
        s.series.map((b) => Date.parse(b.start) / 1000),
        [
          {
            label: `sales ${s.totalSales.currencyCode}`,
            values: s.series.map((b) => Number(b.totalSales.amount)),
          },
        ],
      ),
      table(
        ['Top product', 'Quantity', 'Sales'],
        s.topProducts.map((p) => [
          p.title ?? p.productId,
          p.quantity,
          `${p.sales.amount} ${p.sales.currencyCode}`,
        ]),
        'Top products',
      ),
    );
  };
  const listen = () => {
    unsubscribe();
    const brandId = connections.find((c) => c.id === picker.value)?.brandId;
    if (!brandId) return;
    unsubscribe = api.subscribe<{ shopifySalesEvents: SalesEvent }>(
      SALES_EVENTS,
      { brand: brandId },
      ({ shopifySalesEvents: e }) => {
        feed.prepend(
          h(
            'li',
            { 'data-event-kind': e.kind },
            `${formatTime(e.occurredAt)} ${e.kind} `,
            e.order
              ? `${e.order.name} ${e.order.totalPrice.amount} ${e.order.totalPrice.currencyCode}`
              : (e.product?.title ?? ''),
          ),
        );
        void load();
      },
      (message) => feed.prepend(h('li', { role: 'alert' }, `live feed: ${message}`)),
    );
  };
  for (const control of [interval, from, to]) control.addEventListener('change', () => void load());
  picker.addEventListener('change', () => {
    void load();
    listen();
  });
  section.append(
    h(
      'div',
      { class: 'controls' },
      h('label', { for: 'sales-connection' }, 'Store'),
      picker,
      h('label', { for: 'sales-interval' }, 'Interval'),
      interval,
      h('label', { for: 'sales-from' }, 'From'),
      from,
      h('label', { for: 'sales-to' }, 'To'),
      to,
    ),
    summary,
    h('h3', {}, 'Live events'),
    feed,
  );
  await load();
  listen();
  return { element: section, close: () => unsubscribe() };
}
