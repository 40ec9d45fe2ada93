/** In-memory records the simulator serves. Amounts are integer cents in the shop currency. */

export interface ImageRecord {
  id: number;
  url: string;
  altText: string | null;
  width: number;
  height: number;
}

export interface VariantRecord {
  id: number;
  productId: number;
  inventoryItemId: number;
  title: string;
  sku: string;
  barcode: string | null;
  priceCents: number;
  compareAtPriceCents: number | null;
  unitCostCents: number;
  position: number;
  /** available quantity at the shop's single location */
  available: number;
  options: { name: string; value: string }[];
  createdAt: Date;
  updatedAt: Date;
}

export type ProductStatus = 'ACTIVE' | 'DRAFT' | 'ARCHIVED';

export interface ProductRecord {
  id: number;
  title: string;
  handle: string;
  descriptionHtml: string;
  vendor: string;
  productType: string;
  status: ProductStatus;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  images: ImageRecord[];
  variants: VariantRecord[];
}

export interface AddressRecord {
  firstName: string;
  lastName: string;
  address1: string;
  city: string;
  province: string;
  provinceCode: string;
  country: string;
  countryCode: string;
  zip: string;
  phone: string | null;
}

export interface CustomerRecord {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  state: 'ENABLED' | 'DISABLED' | 'INVITED' | 'DECLINED';
  verifiedEmail: boolean;
  tags: string[];
  note: string | null;
  locale: string;
  address: AddressRecord;
  createdAt: Date;
  updatedAt: Date;
}

export interface LineItemRecord {
  id: number;
  productId: number;
  variantId: number;
  title: string;
  variantTitle: string | null;
  sku: string;
  vendor: string;
  quantity: number;
  priceCents: number;
  discountCents: number;
}

export interface RefundRecord {
  id: number;
  createdAt: Date;
  note: string | null;
  amountCents: number;
  lineItems: { lineItemId: number; quantity: number }[];
}

export type FinancialStatus =
  | 'PENDING'
  | 'AUTHORIZED'
  | 'PAID'
  | 'PARTIALLY_REFUNDED'
  | 'REFUNDED'
  | 'VOIDED';
export type FulfillmentStatus = 'FULFILLED' | 'UNFULFILLED' | 'PARTIALLY_FULFILLED';
export type CancelReason = 'CUSTOMER' | 'DECLINED' | 'FRAUD' | 'INVENTORY' | 'OTHER' | 'STAFF';

export interface OrderRecord {
  id: number;
  number: number;
  email: string | null;
  customerId: number | null;
  createdAt: Date;
  updatedAt: Date;
  processedAt: Date;
  cancelledAt: Date | null;
  cancelReason: CancelReason | null;
  closedAt: Date | null;
  test: boolean;
  presentmentCurrency: string;
  /** presentment amount = shop amount × rate */
  exchangeRate: number;
  financialStatus: FinancialStatus;
  fulfillmentStatus: FulfillmentStatus;
  lineItems: LineItemRecord[];
  shippingCents: number;
  taxCents: number;
  discountCodes: string[];
  refunds: RefundRecord[];
  sourceName: string;
  tags: string[];
  note: string | null;
  gateway: string;
  shippingAddress: AddressRecord | null;
}

export interface WebhookSubscriptionRecord {
  id: number;
  /** enum name, e.g. `ORDERS_CREATE` */
  topic: string;
  callbackUrl: string;
  format: 'JSON' | 'XML';
  includeFields: string[];
  metafieldNamespaces: string[];
  filter: string | null;
  apiVersion: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface DiscountRecord {
  id: number;
  title: string;
  code: string;
  codeId: number;
  percentage: number | null;
  amountCents: number | null;
  appliesOnEachItem: boolean;
  appliesOncePerCustomer: boolean;
  usageLimit: number | null;
  combinesWith: { orderDiscounts: boolean; productDiscounts: boolean; shippingDiscounts: boolean };
  startsAt: Date;
  endsAt: Date | null;
  createdAt: Date;
}

export type BulkOperationStatus =
  | 'CREATED'
  | 'RUNNING'
  | 'COMPLETED'
  | 'FAILED'
  | 'CANCELING'
  | 'CANCELED'
  | 'EXPIRED';

export interface BulkOperationRecord {
  id: number;
  status: BulkOperationStatus;
  errorCode: 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT' | null;
  query: string;
  createdAt: Date;
  completedAt: Date | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  /** file name under the simulator's bulk download route once complete */
  fileName: string | null;
}
