import { IntegrationError } from '@ionflux/kit/errors';
import { discountCodeCreate } from '../admin-api/index.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';

export const DISCOUNTS_SCOPE = 'write_discounts';

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : value);

/** `createShopifyDiscountCode`: a basic percentage-off code for the whole order, for all customers. */
export const createShopifyDiscountCode: NonNullable<MutationResolvers['createShopifyDiscountCode']> = async (
  _parent,
  { input },
  { stores },
) => {
  if (!(input.percentage > 0 && input.percentage <= 100)) {
    throw new IntegrationError('INVALID_REQUEST', 'percentage must be above 0 and at most 100.');
  }
  const { session } = await stores.connection(input.connectionId);
  await session.requireScopes([DISCOUNTS_SCOPE]);
  const title = input.title ?? input.code;
  const data = await session.request(discountCodeCreate, {
    input: {
      title,
      code: input.code,
      startsAt: input.startsAt ? iso(input.startsAt) : new Date().toISOString(),
      ...(input.endsAt ? { endsAt: iso(input.endsAt) } : {}),
      ...(input.usageLimit != null ? { usageLimit: input.usageLimit } : {}),
      customerSelection: { all: true },
      customerGets: { items: { all: true }, value: { percentage: input.percentage / 100 } },
    },
  });
  const payload = data.discountCodeBasicCreate;
  const node = payload?.codeDiscountNode;
  if (!payload || payload.userErrors.length > 0 || !node) {
    const messages = payload?.userErrors.map((e) => e.message).join('; ') ?? 'no result';
    throw new IntegrationError('INVALID_REQUEST', `Shopify did not create the discount code: ${messages}`, {
      details: { userErrors: payload?.userErrors ?? [] },
    });
  }
  const discount = node.codeDiscount;
  return {
    id: node.id,
    code: input.code,
    title: discount.title ?? title,
    status: discount.status ?? 'ACTIVE',
    startsAt: discount.startsAt ?? new Date(),
    endsAt: discount.endsAt ?? null,
  };
};
