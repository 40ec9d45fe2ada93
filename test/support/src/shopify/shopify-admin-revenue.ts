import type { ShopifySimulator } from '@ionflux/sandbox';

/**
 * Revenue computed by the test itself from a store's Admin API, independent of the subgraph's mirror,
 * SQL and timezone code: every order read page by page with its own token, money summed as BigInt
 * cents, local days from `Intl.DateTimeFormat`.
 */
export interface AdminRevenue {
  orderCount: number;
  totalSales: string;
  grossSales: string;
  refunds: string;
  /** Per local day (`YYYY-MM-DD` in the shop's timezone): count and total sales. */
  days: Map<string, { orderCount: number; totalSales: bigint }>;
  /** Per product id: units and sales (line price × quantity − line discount). */
  products: Map<string, { quantity: number; sales: bigint }>;
}

interface AdminOrderNode {
  createdAt: string;
  test: boolean;
  cancelledAt: string | null;
  totalPriceSet: { shopMoney: { amount: string } };
  currentTotalPriceSet: { shopMoney: { amount: string } };
  totalRefundedSet: { shopMoney: { amount: string } };
  lineItems: {
    nodes: {
      quantity: number;
      product: { id: string } | null;
      originalUnitPriceSet: { shopMoney: { amount: string } };
      totalDiscountSet: { shopMoney: { amount: string } };
    }[];
    pageInfo: { hasNextPage: boolean };
  };
}

export const cents = (amount: string): bigint => {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -value : value;
};

export const decimal = (value: bigint): string => {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

/** `YYYY-MM-DD` of an instant in a timezone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

export async function adminRevenue(
  simulator: ShopifySimulator,
  shop: string,
  window: { from: Date; to: Date; timeZone: string },
): Promise<AdminRevenue> {
  const token = simulator.issueAccessToken(shop, [
    'read_orders',
    'read_all_orders',
    'read_products',
  ]).access_token;
  const url = `${simulator.adminOriginTemplate.replace('{shop}', shop)}/admin/api/${simulator.apiVersion}/graphql.json`;
  const result: AdminRevenue = {
    orderCount: 0,
    totalSales: '0.00',
    grossSales: '0.00',
    refunds: '0.00',
    days: new Map(),
    products: new Map(),
  };
  let total = 0n;
  let gross = 0n;
  let refunds = 0n;
  let after: string | null = null;
  for (;;) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': token },
      body: JSON.stringify({
        query: `query ($after: String) {
          orders(first: 12, after: $after) {
            nodes {
              createdAt test cancelledAt
              totalPriceSet { shopMoney { amount } }
              currentTotalPriceSet { shopMoney { amount } }
              totalRefundedSet { shopMoney { amount } }
              lineItems(first: 10) {
                nodes { quantity product { id } originalUnitPriceSet { shopMoney { amount } } totalDiscountSet { shopMoney { amount } } }
                pageInfo { hasNextPage }
              }
            }
            pageInfo { hasNextPage endCursor }
          }
        }`,
        variables: { after },
      }),
    });
    const body = (await response.json()) as {
      data?: { orders: { nodes: AdminOrderNode[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
      errors?: unknown;
    };
    if (!body.data) throw new Error(`Admin orders query failed: ${JSON.stringify(body.errors)}`);
    for (const order of body.data.orders.nodes) {
      const created = new Date(order.createdAt);
      if (created < window.from || created >= window.to || order.test || order.cancelledAt !== null) continue;
      if (order.lineItems.pageInfo.hasNextPage)
        throw new Error('an order has more than 10 lines; widen the query');
      const current = cents(order.currentTotalPriceSet.shopMoney.amount);
      result.orderCount++;
      total += current;
      gross += cents(order.totalPriceSet.shopMoney.amount);
      refunds += cents(order.totalRefundedSet.shopMoney.amount);
      const day = localDate(created, window.timeZone);
      const bucket = result.days.get(day) ?? { orderCount: 0, totalSales: 0n };
      bucket.orderCount++;
      bucket.totalSales += current;
      result.days.set(day, bucket);
      for (const line of order.lineItems.nodes) {
        if (!line.product) continue;
        const product = result.products.get(line.product.id) ?? { quantity: 0, sales: 0n };
        product.quantity += line.quantity;
        product.sales +=
          cents(line.originalUnitPriceSet.shopMoney.amount) * BigInt(line.quantity) -
          cents(line.totalDiscountSet.shopMoney.amount);
        result.products.set(line.product.id, product);
      }
    }
    if (!body.data.orders.pageInfo.hasNextPage) break;
    after = body.data.orders.pageInfo.endCursor;
  }
  result.totalSales = decimal(total);
  result.grossSales = decimal(gross);
  result.refunds = decimal(refunds);
  return result;
}
