import { customerStats } from '../../data/customer-stats.ts';
import { toGid } from '../../data/gid.ts';
import type { CustomerRecord } from '../../data/records.ts';
import { ordersConnection } from '../order-query.ts';
import { addressValue } from './order-resolvers.ts';
import type { ResolverMap, TypeResolvers } from './resolver-map.ts';
import { iso, money } from './values.ts';

const customer: TypeResolvers<CustomerRecord> = {
  id: (c) => toGid('Customer', c.id),
  legacyResourceId: (c) => String(c.id),
  displayName: (c) => `${c.firstName} ${c.lastName}`,
  defaultEmailAddress: (c) => ({
    emailAddress: c.email,
    marketingState: c.tags.includes('vip') ? 'SUBSCRIBED' : 'NOT_SUBSCRIBED',
  }),
  taxExempt: () => false,
  createdAt: (c) => iso(c.createdAt),
  updatedAt: (c) => iso(c.updatedAt),
  numberOfOrders: (c, _args, context) => String(customerStats(context.shop).get(c.id)?.orders ?? 0),
  amountSpent: (c, _args, context) => money(customerStats(context.shop).get(c.id)?.spentCents ?? 0),
  defaultAddress: (c) => addressValue(c.address, c.id),
  lastOrder: (c, _args, context) => {
    const id = customerStats(context.shop).get(c.id)?.lastOrderId;
    return id ? (context.shop.orders.byId(id) ?? null) : null;
  },
  orders: (c, args, context) => ordersConnection(context, args, c.id),
};

export const customerResolvers: ResolverMap = { Customer: customer };
