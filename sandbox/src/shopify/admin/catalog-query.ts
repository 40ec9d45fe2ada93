import { customerStats } from '../data/customer-stats.ts';
import type { CustomerRecord, ProductRecord, VariantRecord } from '../data/records.ts';
import type { AdminContext } from './admin-context.ts';
import { arraySequence, type Connection, type ConnectionArgs, paginate } from './connection.ts';
import type { Args } from './resolvers/resolver-map.ts';
import { type FieldValue, matchesSearch, parseSearchQuery } from './search-query.ts';

function productField(p: ProductRecord, field: string): FieldValue {
  switch (field) {
    case 'created_at':
      return p.createdAt;
    case 'updated_at':
      return p.updatedAt;
    case 'published_at':
      return p.publishedAt;
    case 'status':
      return p.status.toLowerCase();
    case 'title':
      return p.title;
    case 'handle':
      return p.handle;
    case 'product_type':
      return p.productType;
    case 'vendor':
      return p.vendor;
    case 'tag':
      return p.tags;
    case 'id':
      return p.id;
    case 'sku':
      return p.variants.map((v) => v.sku);
    case 'inventory_total':
      return p.variants.reduce((sum, v) => sum + v.available, 0);
    default:
      return undefined;
  }
}

const PRODUCT_SORT: Record<string, (a: ProductRecord, b: ProductRecord) => number> = {
  TITLE: (a, b) => a.title.localeCompare(b.title),
  CREATED_AT: (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  UPDATED_AT: (a, b) => a.updatedAt.getTime() - b.updatedAt.getTime(),
  PUBLISHED_AT: (a, b) => (a.publishedAt?.getTime() ?? 0) - (b.publishedAt?.getTime() ?? 0),
  PRODUCT_TYPE: (a, b) => a.productType.localeCompare(b.productType),
  VENDOR: (a, b) => a.vendor.localeCompare(b.vendor),
};

function sorted<T extends { id: number }>(
  items: readonly T[],
  compare: ((a: T, b: T) => number) | undefined,
): T[] {
  return [...items].sort((a, b) => (compare ? compare(a, b) : 0) || a.id - b.id);
}

export function filterProducts(context: AdminContext, query: unknown): ProductRecord[] {
  const search = parseSearchQuery(typeof query === 'string' ? query : null);
  return context.shop.products.filter((p) =>
    matchesSearch(p, search, productField, (r) => `${r.title} ${r.vendor} ${r.productType}`),
  );
}

export function productsConnection(context: AdminContext, args: Args): Connection<ProductRecord> {
  const items = sorted(filterProducts(context, args.query), PRODUCT_SORT[String(args.sortKey ?? 'ID')]);
  return paginate(arraySequence(items, args.reverse === true), args as ConnectionArgs, {
    idOf: (p) => p.id,
    unbounded: context.bulk,
  });
}

export function variantsConnection(context: AdminContext, args: Args): Connection<VariantRecord> {
  const search = parseSearchQuery(typeof args.query === 'string' ? args.query : null);
  const variants = context.shop.products.flatMap((p) => p.variants);
  const field = (v: VariantRecord, name: string): FieldValue =>
    name === 'sku'
      ? v.sku
      : name === 'product_id'
        ? v.productId
        : name === 'updated_at'
          ? v.updatedAt
          : name === 'created_at'
            ? v.createdAt
            : name === 'title'
              ? v.title
              : undefined;
  const items = sorted(
    variants.filter((v) => matchesSearch(v, search, field, (r) => `${r.sku} ${r.title}`)),
    undefined,
  );
  return paginate(arraySequence(items, args.reverse === true), args as ConnectionArgs, {
    idOf: (v) => v.id,
    unbounded: context.bulk,
  });
}

function customerField(context: AdminContext) {
  return (c: CustomerRecord, field: string): FieldValue => {
    switch (field) {
      case 'created_at':
        return c.createdAt;
      case 'updated_at':
        return c.updatedAt;
      case 'email':
        return c.email;
      case 'first_name':
        return c.firstName;
      case 'last_name':
        return c.lastName;
      case 'state':
        return c.state.toLowerCase();
      case 'tag':
        return c.tags;
      case 'id':
        return c.id;
      case 'country':
        return c.address.country;
      case 'orders_count':
        return customerStats(context.shop).get(c.id)?.orders ?? 0;
      case 'total_spent':
        return (customerStats(context.shop).get(c.id)?.spentCents ?? 0) / 100;
      default:
        return undefined;
    }
  };
}

const CUSTOMER_SORT: Record<string, (a: CustomerRecord, b: CustomerRecord) => number> = {
  CREATED_AT: (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  UPDATED_AT: (a, b) => a.updatedAt.getTime() - b.updatedAt.getTime(),
  NAME: (a, b) => `${a.firstName} ${a.lastName}`.localeCompare(`${b.firstName} ${b.lastName}`),
};

export function filterCustomers(context: AdminContext, query: unknown): CustomerRecord[] {
  const search = parseSearchQuery(typeof query === 'string' ? query : null);
  const field = customerField(context);
  return context.shop.customers.filter((c) =>
    matchesSearch(c, search, field, (r) => `${r.firstName} ${r.lastName} ${r.email}`),
  );
}

export function customersConnection(context: AdminContext, args: Args): Connection<CustomerRecord> {
  const items = sorted(filterCustomers(context, args.query), CUSTOMER_SORT[String(args.sortKey ?? 'ID')]);
  return paginate(arraySequence(items, args.reverse === true), args as ConnectionArgs, {
    idOf: (c) => c.id,
    unbounded: context.bulk,
  });
}
