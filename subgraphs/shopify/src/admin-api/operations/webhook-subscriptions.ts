import { type AdminOperation, connectionCost } from '../admin-operation.ts';
import type { PageInfo } from './products-query.ts';

export interface AdminWebhookSubscription {
  id: string;
  topic: string;
  endpoint: { __typename: string; callbackUrl?: string };
}

/** Subscriptions are few; 100 per page keeps a listing cheap. */
export const WEBHOOK_SUBSCRIPTIONS_PAGE = 100;

/** The app's webhook subscriptions on the shop. */
export const webhookSubscriptionsQuery: AdminOperation<
  { webhookSubscriptions: { nodes: AdminWebhookSubscription[]; pageInfo: PageInfo } },
  { first: number; after: string | null }
> = {
  name: 'IonfluxWebhookSubscriptions',
  document: /* GraphQL */ `
    query IonfluxWebhookSubscriptions($first: Int!, $after: String) {
      webhookSubscriptions(first: $first, after: $after) {
        nodes {
          id topic
          endpoint { __typename ... on WebhookHttpEndpoint { callbackUrl } }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  `,
  estimateCost: ({ first }) => connectionCost(first, 2) + 1,
};

export interface WebhookUserError {
  field: string[] | null;
  message: string;
}

/** Subscribes one topic to the app's callback URL (`callbackUrl`, the 2025-04 input). */
export const webhookSubscriptionCreate: AdminOperation<
  {
    webhookSubscriptionCreate: {
      webhookSubscription: { id: string; topic: string } | null;
      userErrors: WebhookUserError[];
    } | null;
  },
  { topic: string; url: string }
> = {
  name: 'IonfluxWebhookSubscriptionCreate',
  document: /* GraphQL */ `
    mutation IonfluxWebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, $url: URL!) {
      webhookSubscriptionCreate(topic: $topic, webhookSubscription: { callbackUrl: $url, format: JSON }) {
        webhookSubscription { id topic }
        userErrors { field message }
      }
    }
  `,
  estimateCost: () => 10,
  mutation: true,
};

export const webhookSubscriptionDelete: AdminOperation<
  {
    webhookSubscriptionDelete: {
      deletedWebhookSubscriptionId: string | null;
      userErrors: WebhookUserError[];
    } | null;
  },
  { id: string }
> = {
  name: 'IonfluxWebhookSubscriptionDelete',
  document: /* GraphQL */ `
    mutation IonfluxWebhookSubscriptionDelete($id: ID!) {
      webhookSubscriptionDelete(id: $id) {
        deletedWebhookSubscriptionId
        userErrors { field message }
      }
    }
  `,
  estimateCost: () => 10,
  mutation: true,
};
