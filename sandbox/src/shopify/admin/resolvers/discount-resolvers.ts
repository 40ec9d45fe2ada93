import { toGid } from '../../data/gid.ts';
import type { DiscountRecord } from '../../data/records.ts';
import { arraySequence, paginate } from '../connection.ts';
import type { ResolverMap, TypeResolvers } from './resolver-map.ts';
import { exactCount, iso, money, typed } from './values.ts';

export interface DiscountBasicValue {
  discount: DiscountRecord;
}

export const discountNodeOf = (discount: DiscountRecord) =>
  typed({ id: discount.id, discount }, 'DiscountCodeNode');

function summary(d: DiscountRecord): string {
  const value =
    d.percentage !== null
      ? `${Math.round(d.percentage * 100)}% off`
      : `$${money(d.amountCents ?? 0).amount} off`;
  return `${value} entire order${d.appliesOncePerCustomer ? ' • One use per customer' : ''}`;
}

const node: TypeResolvers<DiscountBasicValue> = {
  id: (n) => toGid('DiscountCodeNode', n.discount.id),
  codeDiscount: (n) => typed({ discount: n.discount }, 'DiscountCodeBasic'),
};

const basic: TypeResolvers<DiscountBasicValue> = {
  title: (b) => b.discount.title,
  status: (b, _args, context) => {
    const now = context.now();
    if (b.discount.startsAt > now) return 'SCHEDULED';
    return b.discount.endsAt && b.discount.endsAt <= now ? 'EXPIRED' : 'ACTIVE';
  },
  summary: (b) => summary(b.discount),
  shortSummary: (b) => summary(b.discount).split(' • ')[0],
  startsAt: (b) => iso(b.discount.startsAt),
  endsAt: (b) => iso(b.discount.endsAt),
  createdAt: (b) => iso(b.discount.createdAt),
  updatedAt: (b) => iso(b.discount.createdAt),
  asyncUsageCount: () => 0,
  usageLimit: (b) => b.discount.usageLimit,
  appliesOncePerCustomer: (b) => b.discount.appliesOncePerCustomer,
  codes: (b, args, context) =>
    paginate(arraySequence([{ id: b.discount.codeId, code: b.discount.code, asyncUsageCount: 0 }]), args, {
      idOf: (c) => c.id,
      unbounded: context.bulk,
    }),
  codesCount: () => exactCount(1),
  combinesWith: (b) => b.discount.combinesWith,
  customerGets: (b) => ({
    appliesOnOneTimePurchase: true,
    appliesOnSubscription: false,
    items: typed({ allItems: true }, 'AllDiscountItems'),
    value:
      b.discount.percentage !== null
        ? typed({ percentage: b.discount.percentage }, 'DiscountPercentage')
        : typed(
            { amount: money(b.discount.amountCents ?? 0), appliesOnEachItem: b.discount.appliesOnEachItem },
            'DiscountAmount',
          ),
  }),
  customerSelection: () => typed({ allCustomers: true }, 'DiscountCustomerAll'),
};

const redeemCode: TypeResolvers<{ id: number; code: string }> = {
  id: (c) => toGid('DiscountRedeemCode', c.id),
};

export const discountResolvers: ResolverMap = {
  DiscountCodeNode: node,
  DiscountCodeBasic: basic,
  DiscountRedeemCode: redeemCode,
};
