import { customerStats } from '../data/customer-stats.ts';
import type { OrderBook } from '../data/order-book.ts';
import { orderTotals } from '../data/order-totals.ts';
import type { OrderRecord } from '../data/records.ts';
import { type AdminContext, oldestVisibleOrder } from './admin-context.ts';
import { type Connection, type ConnectionArgs, paginate, type Sequence } from './connection.ts';
import type { Args } from './resolvers/resolver-map.ts';
import { type FieldValue, matchesSearch, parseSearchQuery, type SearchQuery } from './search-query.ts';

type SortField = 'created_at' | 'updated_at' | 'total_price';

const SORT_FIELDS: Record<string, SortField> = {
  ID: 'created_at',
  CREATED_AT: 'created_at',
  PROCESSED_AT: 'created_at',
  ORDER_NUMBER: 'created_at',
  UPDATED_AT: 'updated_at',
  TOTAL_PRICE: 'total_price',
};

function orderStatus(order: OrderRecord): string {
  if (order.cancelledAt) return 'cancelled';
  return order.closedAt ? 'closed' : 'open';
}

function orderField(order: OrderRecord, field: string): FieldValue {
  switch (field) {
    case 'created_at':
    case 'processed_at':
      return order.createdAt;
    case 'updated_at':
      return order.updatedAt;
    case 'status':
      return [orderStatus(order), 'any'];
    case 'financial_status':
      return order.financialStatus.toLowerCase();
    case 'fulfillment_status':
      return order.fulfillmentStatus === 'FULFILLED'
        ? ['shipped', 'fulfilled']
        : ['unshipped', 'unfulfilled'];
    case 'test':
      return order.test;
    case 'email':
      return order.email;
    case 'name':
      return [`#${order.number}`, String(order.number)];
    case 'id':
      return order.id;
    case 'customer_id':
      return order.customerId;
    case 'tag':
      return order.tags;
    case 'sku':
      return order.lineItems.map((line) => line.sku);
    case 'gateway':
      return order.gateway;
    case 'source_name':
      return order.sourceName;
    case 'discount_code':
      return order.discountCodes;
    case 'currency':
    case 'presentment_currency':
      return order.presentmentCurrency;
    default:
      return undefined;
  }
}

function sortValue(order: OrderRecord, field: SortField): number {
  if (field === 'updated_at') return order.updatedAt.getTime();
  if (field === 'total_price') return orderTotals(order).total;
  return order.createdAt.getTime();
}

interface Permutation {
  version: number;
  order: Int32Array;
  inverse: Int32Array;
  values: Float64Array;
}

const permutations = new WeakMap<OrderBook, Map<SortField, Permutation>>();

/** Orders sorted by a field other than creation: built once per change of the book. */
function permutation(book: OrderBook, field: SortField): Permutation {
  const byField = permutations.get(book) ?? new Map<SortField, Permutation>();
  permutations.set(book, byField);
  const cached = byField.get(field);
  if (cached && cached.version === book.version) return cached;
  const raw = new Float64Array(book.size);
  for (let i = 0; i < book.size; i++) {
    const order = book.at(i);
    raw[i] = order ? sortValue(order, field) : 0;
  }
  const order = Int32Array.from({ length: book.size }, (_, i) => i).sort(
    (a, b) => (raw[a] ?? 0) - (raw[b] ?? 0) || a - b,
  );
  const inverse = new Int32Array(book.size);
  const values = new Float64Array(book.size);
  order.forEach((position, rank) => {
    inverse[position] = rank;
    values[rank] = raw[position] ?? 0;
  });
  const built = { version: book.version, order, inverse, values };
  byField.set(field, built);
  return built;
}

interface SortedOrders {
  sequence: Sequence<OrderRecord>;
  valueAt: (rank: number) => number;
}

function sortedOrders(book: OrderBook, field: SortField, reverse: boolean): SortedOrders {
  const flip = (rank: number): number => (reverse ? book.size - 1 - rank : rank);
  if (field === 'created_at') {
    return {
      sequence: {
        length: book.size,
        at: (rank) => book.at(flip(rank)),
        positionOf: (id) => {
          const p = book.positionOf(id);
          return p === undefined ? undefined : flip(p);
        },
      },
      valueAt: (rank) => book.createdAtAt(flip(rank)),
    };
  }
  const perm = permutation(book, field);
  return {
    sequence: {
      length: book.size,
      at: (rank) => book.at(perm.order[flip(rank)] ?? -1),
      positionOf: (id) => {
        const p = book.positionOf(id);
        return p === undefined ? undefined : flip(perm.inverse[p] ?? 0);
      },
    },
    valueAt: (rank) => perm.values[flip(rank)] ?? 0,
  };
}

/**
 * With an ascending sort and a lower bound on the sort field (from the query, or the 60-day window on
 * creation time), skip straight to the first candidate instead of scanning from the start.
 */
function startRank(
  sorted: SortedOrders,
  length: number,
  field: SortField,
  query: SearchQuery,
  floor: number,
): number {
  let time = field === 'created_at' ? floor : Number.NEGATIVE_INFINITY;
  const terms = query.length === 1 ? (query[0] ?? []) : [];
  for (const term of terms) {
    if (term.negate || term.field !== field || (term.comparator !== '>' && term.comparator !== '>='))
      continue;
    const bound = Date.parse(term.value);
    if (!Number.isNaN(bound)) time = Math.max(time, bound);
  }
  if (time === Number.NEGATIVE_INFINITY) return 0;
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted.valueAt(mid) < time) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low - 1);
}

function orderFilter(
  context: AdminContext,
  query: SearchQuery,
  customerId?: number,
): (order: OrderRecord) => boolean {
  const oldest = oldestVisibleOrder(context);
  return (order) =>
    order.createdAt.getTime() >= oldest &&
    (customerId === undefined || order.customerId === customerId) &&
    matchesSearch(order, query, orderField, (o) => `#${o.number} ${o.email ?? ''}`);
}

export function ordersConnection(
  context: AdminContext,
  args: Args,
  customerId?: number,
): Connection<OrderRecord> {
  const field = SORT_FIELDS[String(args.sortKey ?? 'ID')] ?? 'created_at';
  const reverse = args.reverse === true;
  const query = parseSearchQuery(typeof args.query === 'string' ? args.query : null);
  const book = context.shop.orders;
  const matches = orderFilter(context, query, customerId);
  if (customerId !== undefined && field === 'created_at') {
    const ids = customerStats(context.shop).get(customerId)?.orderIds ?? [];
    const list = reverse ? [...ids].reverse() : ids;
    const sequence: Sequence<OrderRecord> = {
      length: list.length,
      at: (rank) => book.byId(list[rank] ?? -1),
      positionOf: (id) => {
        const p = list.indexOf(id);
        return p < 0 ? undefined : p;
      },
    };
    return paginate(sequence, args as ConnectionArgs, {
      idOf: (o) => o.id,
      matches,
      unbounded: context.bulk,
    });
  }
  const sorted = sortedOrders(book, field, reverse);
  const startAt =
    field === 'total_price' || reverse
      ? 0
      : startRank(sorted, book.size, field, query, oldestVisibleOrder(context));
  return paginate(sorted.sequence, args as ConnectionArgs, {
    idOf: (o) => o.id,
    matches,
    unbounded: context.bulk,
    startAt,
  });
}

export function countOrders(
  context: AdminContext,
  args: Args,
): { count: number; precision: 'EXACT' | 'AT_LEAST' } {
  const query = parseSearchQuery(typeof args.query === 'string' ? args.query : null);
  const limit = typeof args.limit === 'number' ? args.limit : 10_000;
  const matches = orderFilter(context, query);
  const book = context.shop.orders;
  const sorted = sortedOrders(book, 'created_at', false);
  let count = 0;
  for (
    let rank = startRank(sorted, book.size, 'created_at', query, oldestVisibleOrder(context));
    rank < book.size;
    rank++
  ) {
    const order = sorted.sequence.at(rank);
    if (!order || !matches(order)) continue;
    if (++count > limit) return { count: limit, precision: 'AT_LEAST' };
  }
  return { count, precision: 'EXACT' };
}
