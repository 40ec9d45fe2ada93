/** `ORDERS_CREATE` → `orders/create`: the resource part may itself contain underscores. */
const RESOURCES = [
  'inventory_levels',
  'inventory_items',
  'bulk_operations',
  'app_subscriptions',
  'app_purchases_one_time',
  'draft_orders',
  'order_transactions',
  'fulfillment_orders',
  'fulfillment_events',
  'selling_plan_groups',
  'subscription_contracts',
  'subscription_billing_attempts',
  'customer_groups',
  'customer_payment_methods',
  'tender_transactions',
  'product_listings',
  'shipping_addresses',
  'customers_marketing_consent',
  'customers_email_marketing_consent',
  'customer_account_settings',
  'payment_terms',
  'scheduled_product_listings',
];

export function topicFromEnum(name: string): string {
  const lower = name.toLowerCase();
  const resource = RESOURCES.find((r) => lower.startsWith(`${r}_`));
  if (resource) return `${resource}/${lower.slice(resource.length + 1)}`;
  const cut = lower.indexOf('_');
  return cut < 0 ? lower : `${lower.slice(0, cut)}/${lower.slice(cut + 1)}`;
}

export function enumFromTopic(topic: string): string {
  return topic.replace('/', '_').toUpperCase();
}
