import type { AdminOperation } from '../admin-operation.ts';

export interface DiscountCodeCreateVariables extends Record<string, unknown> {
  input: {
    title: string;
    code: string;
    startsAt: string;
    endsAt?: string | null;
    usageLimit?: number | null;
    appliesOncePerCustomer?: boolean;
    customerSelection: { all: true };
    customerGets: { items: { all: true }; value: { percentage: number } };
  };
}

export interface DiscountCodeCreateResult {
  discountCodeBasicCreate: {
    codeDiscountNode: {
      id: string;
      codeDiscount: {
        __typename: string;
        title?: string;
        status?: string;
        startsAt?: string;
        endsAt?: string | null;
      };
    } | null;
    userErrors: { field: string[] | null; message: string; code: string | null }[];
  } | null;
}

/** A basic percentage-off code for the whole order (spec 2.2, discount codes). Mutations cost 10. */
export const discountCodeCreate: AdminOperation<DiscountCodeCreateResult, DiscountCodeCreateVariables> = {
  name: 'IonfluxDiscountCodeCreate',
  document: /* GraphQL */ `
    mutation IonfluxDiscountCodeCreate($input: DiscountCodeBasicInput!) {
      discountCodeBasicCreate(basicCodeDiscount: $input) {
        codeDiscountNode {
          id
          codeDiscount { __typename ... on DiscountCodeBasic { title status startsAt endsAt } }
        }
        userErrors { field message code }
      }
    }
  `,
  estimateCost: () => 10,
  mutation: true,
};
