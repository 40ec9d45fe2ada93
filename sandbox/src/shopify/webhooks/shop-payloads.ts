import { toGid } from '../data/gid.ts';
import type { BulkOperationRecord, CustomerRecord } from '../data/records.ts';
import type { ShopState } from '../data/shop-state.ts';
import { restTime } from './rest-time.ts';

/** The REST Shop resource, which `app/uninstalled` and `shop/update` carry. */
export function shopPayload(shop: ShopState) {
  return {
    id: shop.id,
    name: shop.name,
    email: `owner@${shop.domain}`,
    domain: shop.domain,
    province: 'New York',
    country: 'US',
    address1: '1 Demo Plaza',
    zip: '10001',
    city: 'New York',
    source: null,
    phone: '+15555550100',
    latitude: 40.7506,
    longitude: -73.9971,
    primary_locale: 'en',
    address2: null,
    created_at: restTime(shop.createdAt),
    updated_at: restTime(shop.updatedAt),
    country_code: 'US',
    country_name: 'United States',
    currency: 'USD',
    customer_email: `hello@${shop.domain}`,
    timezone: `(GMT-05:00) ${shop.ianaTimezone}`,
    iana_timezone: shop.ianaTimezone,
    shop_owner: 'Demo Owner',
    money_format: '\u0024{{amount}}',
    money_with_currency_format: '\u0024{{amount}} USD',
    weight_unit: 'lb',
    province_code: 'NY',
    taxes_included: false,
    tax_shipping: null,
    myshopify_domain: shop.domain,
    plan_name: 'basic',
    plan_display_name: 'Basic',
    password_enabled: false,
    has_storefront: true,
    enabled_presentment_currencies: ['USD', 'CAD', 'EUR', 'GBP', 'AUD'],
  };
}

export function customersDataRequestPayload(
  shop: ShopState,
  customer: CustomerRecord,
  orderIds: number[],
  requestId: number,
) {
  return {
    shop_id: shop.id,
    shop_domain: shop.domain,
    orders_requested: orderIds,
    customer: { id: customer.id, email: customer.email, phone: customer.phone },
    data_request: { id: requestId },
  };
}

export function customersRedactPayload(shop: ShopState, customer: CustomerRecord, orderIds: number[]) {
  return {
    shop_id: shop.id,
    shop_domain: shop.domain,
    customer: { id: customer.id, email: customer.email, phone: customer.phone },
    orders_to_redact: orderIds,
  };
}

export function shopRedactPayload(shop: ShopState) {
  return { shop_id: shop.id, shop_domain: shop.domain };
}

/** `bulk_operations/finish`: lowercase status and no url (clients follow up with `node(id:)`). */
export function bulkFinishPayload(operation: BulkOperationRecord) {
  return {
    admin_graphql_api_id: toGid('BulkOperation', operation.id),
    completed_at: restTime(operation.completedAt),
    created_at: restTime(operation.createdAt),
    error_code: operation.errorCode?.toLowerCase() ?? null,
    status: operation.status.toLowerCase(),
    type: 'query',
  };
}
