import type { LeakyBucket, ThrottleStatus } from '../admin/leaky-bucket.ts';
import type { BulkFailureCode, BulkRunner } from '../bulk/bulk-runner.ts';
import type { CancelReason } from '../data/records.ts';
import type { ShopRegistry } from '../data/shop-registry.ts';
import { EXPIRING_TOKEN_SECONDS, type TokenRegistry } from '../oauth/token-registry.ts';
import type { Delivery, WebhookDispatcher } from '../webhooks/webhook-dispatcher.ts';
import {
  type OrderSummary,
  orderSummary,
  type ProductSummary,
  productSummary,
  type VariantSummary,
  variantSummary,
} from './control-summaries.ts';
import type {
  ComplianceInput,
  ComplianceTopic,
  CreateOrderInput,
  CreateProductInput,
  InventoryChange,
  ShopChange,
} from './control-types.ts';
import type { ActiveFault, FaultInjector, FaultRule } from './fault-injector.ts';
import type { LoggedRequest, RequestLog } from './request-log.ts';
import { ControlError, ShopActions } from './shop-actions.ts';

export interface ControlDeps {
  shops: ShopRegistry;
  tokens: TokenRegistry;
  webhooks: WebhookDispatcher;
  faults: FaultInjector;
  requestLog: RequestLog;
  bucketFor: (shop: string) => LeakyBucket;
  now: () => Date;
  baseUrl: () => string;
  complianceWebhookUrl: string | undefined;
  apiVersion: string;
  bulk: Pick<BulkRunner, 'failNext'>;
}

export interface IssuedToken {
  access_token: string;
  scope: string;
  expires_in?: number;
}

/** The control surface of the simulator; the `/_control` HTTP routes call exactly these methods. */
export class ShopifyControl {
  readonly #deps: ControlDeps;
  readonly #actions: ShopActions;

  constructor(deps: ControlDeps) {
    this.#deps = deps;
    this.#actions = new ShopActions(deps);
  }

  /** Mints an offline access token without the OAuth dance (the shop counts as installed). */
  issueAccessToken(
    shop: string,
    scopes: readonly string[],
    options: { expiring?: boolean } = {},
  ): IssuedToken {
    this.#deps.shops.get(shop).installed = true;
    const grant = this.#deps.tokens.issueAccess(shop, [...scopes], {
      expiresInSeconds: options.expiring ? EXPIRING_TOKEN_SECONDS : null,
    });
    return {
      access_token: grant.token,
      scope: grant.scopes.join(','),
      ...(options.expiring ? { expires_in: EXPIRING_TOKEN_SECONDS } : {}),
    };
  }

  createOrder(shop: string, input: CreateOrderInput = {}): OrderSummary {
    return orderSummary(this.#actions.createOrder(shop, input));
  }

  cancelOrder(shop: string, orderId: number | string, reason?: CancelReason): OrderSummary {
    return orderSummary(this.#actions.cancelOrder(shop, orderId, reason));
  }

  fulfillOrder(shop: string, orderId: number | string): OrderSummary {
    return orderSummary(this.#actions.fulfillOrder(shop, orderId));
  }

  updateShop(shop: string, change: ShopChange): { name: string; ianaTimezone: string; updatedAt: string } {
    const state = this.#actions.updateShop(shop, change);
    return { name: state.name, ianaTimezone: state.ianaTimezone, updatedAt: state.updatedAt.toISOString() };
  }

  /** The next `count` bulk operations of any shop end FAILED with `errorCode` (Shopify's can). */
  failNextBulkOperations(count: number, errorCode: BulkFailureCode = 'INTERNAL_SERVER_ERROR'): void {
    this.#deps.bulk.failNext(count, errorCode);
  }

  refundOrder(shop: string, orderId: number | string, amount?: string | number, note?: string): OrderSummary {
    return orderSummary(this.#actions.refundOrder(shop, orderId, amount, note));
  }

  createProduct(shop: string, input: CreateProductInput): ProductSummary {
    return productSummary(this.#actions.createProduct(shop, input));
  }

  changeInventory(shop: string, change: InventoryChange): VariantSummary {
    return variantSummary(this.#actions.changeInventory(shop, change));
  }

  uninstallApp(shop: string): { revokedTokens: number } {
    return this.#actions.uninstall(shop);
  }

  sendComplianceWebhook(shop: string, topic: ComplianceTopic, input: ComplianceInput = {}): Delivery[] {
    const url = input.url ?? this.#deps.complianceWebhookUrl;
    if (!url) throw new ControlError(400, 'no url given and no complianceWebhookUrl configured');
    return this.#actions.sendCompliance(shop, topic, url, this.#deps.apiVersion, input);
  }

  throttleStatus(shop: string): ThrottleStatus {
    return this.#deps.bucketFor(shop).status();
  }

  /** Sets the points currently available in the shop's bucket (e.g. 0 to force THROTTLED). */
  setThrottle(shop: string, currentlyAvailable: number): ThrottleStatus {
    const bucket = this.#deps.bucketFor(shop);
    bucket.set(currentlyAvailable);
    return bucket.status();
  }

  addFault(rule: FaultRule): ActiveFault {
    if (!['latency', 'status', 'drop'].includes(rule.kind))
      throw new ControlError(400, 'kind must be latency, status or drop');
    return this.#deps.faults.add(rule);
  }

  faults(): ActiveFault[] {
    return this.#deps.faults.list();
  }

  clearFaults(): void {
    this.#deps.faults.clear();
  }

  requests(since?: number): LoggedRequest[] {
    return this.#deps.requestLog.list(since);
  }

  clearRequests(): void {
    this.#deps.requestLog.clear();
  }

  deliveries(filter: { topic?: string; shop?: string } = {}): Delivery[] {
    return this.#deps.webhooks.deliveries.filter(
      (d) => (!filter.topic || d.topic === filter.topic) && (!filter.shop || d.shop === filter.shop),
    );
  }

  duplicateDelivery(webhookId: string): Delivery {
    const delivery = this.#deps.webhooks.duplicate(webhookId);
    if (!delivery) throw new ControlError(404, `no delivery ${webhookId}`);
    return delivery;
  }

  duplicateNextDeliveries(count: number): void {
    this.#deps.webhooks.duplicateNext(count);
  }

  /** Resolves once no webhook delivery is in flight or waiting to be retried. */
  webhooksIdle(): Promise<void> {
    return this.#deps.webhooks.idle();
  }
}
