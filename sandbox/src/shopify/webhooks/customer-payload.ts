import { customerStats } from '../data/customer-stats.ts';
import { toGid } from '../data/gid.ts';
import { toDecimal } from '../data/money.ts';
import type { CustomerRecord } from '../data/records.ts';
import type { ShopState } from '../data/shop-state.ts';
import { restTime } from './rest-time.ts';

/** The REST Customer resource as `customers/*` webhooks and order payloads carry it. */
export function customerPayload(customer: CustomerRecord, shop: ShopState) {
  const stats = customerStats(shop).get(customer.id);
  const address = {
    id: customer.id + 1,
    customer_id: customer.id,
    first_name: customer.address.firstName,
    last_name: customer.address.lastName,
    address1: customer.address.address1,
    city: customer.address.city,
    province: customer.address.province,
    country: customer.address.country,
    zip: customer.address.zip,
    phone: customer.address.phone,
    province_code: customer.address.provinceCode,
    country_code: customer.address.countryCode,
    default: true,
  };
  return {
    id: customer.id,
    admin_graphql_api_id: toGid('Customer', customer.id),
    email: customer.email,
    first_name: customer.firstName,
    last_name: customer.lastName,
    phone: customer.phone,
    state: customer.state.toLowerCase(),
    verified_email: customer.verifiedEmail,
    note: customer.note,
    tags: customer.tags.join(', '),
    currency: 'USD',
    orders_count: stats?.orders ?? 0,
    total_spent: toDecimal(stats?.spentCents ?? 0),
    last_order_id: stats?.lastOrderId ?? null,
    created_at: restTime(customer.createdAt),
    updated_at: restTime(customer.updatedAt),
    tax_exempt: false,
    addresses: [address],
    default_address: address,
  };
}
