import { randomUUID } from 'node:crypto';
import type { ShopState } from '../data/shop-state.ts';
import { signBody } from './sign-body.ts';
import { topicFromEnum } from './topics.ts';

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** One webhook delivery (a payload to one URL) and every attempt made for it. */
export interface Delivery {
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  url: string;
  apiVersion: string;
  triggeredAt: string;
  body: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
  /** set when this delivery is a duplicate of another (same event id) */
  duplicateOf: string | null;
  subscriptionId: number | null;
}

export interface DispatcherOptions {
  apiSecret: string;
  /** delay before each retry; Shopify retries 8 times over 4 hours */
  retryDelaysMs: readonly number[];
  /** Shopify gives up on a delivery after 5 s */
  timeoutMs: number;
  /** Shopify deletes an API-created subscription after its retries are exhausted */
  deleteSubscriptionOnFailure: boolean;
  now: () => Date;
}

/** Signs and POSTs webhook payloads, retrying with backoff and recording every attempt. */
export class WebhookDispatcher {
  readonly deliveries: Delivery[] = [];
  readonly #options: DispatcherOptions;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #shops = new Map<string, ShopState>();
  #duplicateNext = 0;

  constructor(options: DispatcherOptions) {
    this.#options = options;
  }

  /** Sends `payload` to every subscription of `shop` for the topic (enum name, e.g. `ORDERS_CREATE`). */
  emit(shop: ShopState, topicEnum: string, payload: unknown): Delivery[] {
    this.#shops.set(shop.domain, shop);
    const eventId = randomUUID();
    return shop.webhookSubscriptions
      .filter((subscription) => subscription.topic === topicEnum)
      .flatMap((subscription) => {
        const body =
          subscription.includeFields.length > 0 ? pick(payload, subscription.includeFields) : payload;
        return this.#start({
          shop: shop.domain,
          topic: topicFromEnum(topicEnum),
          url: subscription.callbackUrl,
          apiVersion: subscription.apiVersion,
          eventId,
          body: JSON.stringify(body),
          subscriptionId: subscription.id,
        });
      });
  }

  /** Sends to a fixed URL, as for compliance topics configured in the app's TOML. */
  sendTo(url: string, shop: string, topic: string, payload: unknown, apiVersion: string): Delivery[] {
    return this.#start({
      shop,
      topic,
      url,
      apiVersion,
      eventId: randomUUID(),
      body: JSON.stringify(payload),
      subscriptionId: null,
    });
  }

  /** Delivers an already sent payload again under a new webhook id and the same event id. */
  duplicate(webhookId: string): Delivery | undefined {
    const original = this.deliveries.find((d) => d.webhookId === webhookId);
    if (!original) return undefined;
    return this.#begin({ ...original, duplicateOf: original.webhookId });
  }

  /** The next `count` emitted deliveries are each sent twice. */
  duplicateNext(count: number): void {
    this.#duplicateNext = count;
  }

  /** Resolves when nothing is in flight or waiting for a retry. */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0 || this.#timers.size > 0) {
      await Promise.race([...this.#inFlight, new Promise((resolve) => setTimeout(resolve, 10))]);
    }
  }

  close(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #start(
    spec: Omit<Delivery, 'webhookId' | 'state' | 'attempts' | 'duplicateOf' | 'triggeredAt'>,
  ): Delivery[] {
    const first = this.#begin({ ...spec, duplicateOf: null, triggeredAt: this.#options.now().toISOString() });
    if (this.#duplicateNext <= 0) return [first];
    this.#duplicateNext--;
    return [first, this.#begin({ ...spec, duplicateOf: first.webhookId, triggeredAt: first.triggeredAt })];
  }

  #begin(
    spec: Pick<
      Delivery,
      | 'shop'
      | 'topic'
      | 'url'
      | 'apiVersion'
      | 'eventId'
      | 'body'
      | 'subscriptionId'
      | 'duplicateOf'
      | 'triggeredAt'
    >,
  ): Delivery {
    const delivery: Delivery = { ...spec, webhookId: randomUUID(), state: 'pending', attempts: [] };
    this.deliveries.push(delivery);
    this.#attempt(delivery);
    return delivery;
  }

  #attempt(delivery: Delivery): void {
    const run = this.#send(delivery).finally(() => this.#inFlight.delete(run));
    this.#inFlight.add(run);
  }

  async #send(delivery: Delivery): Promise<void> {
    const started = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#options.timeoutMs),
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Shopify-Captain-Hook',
          'X-Shopify-Topic': delivery.topic,
          'X-Shopify-Hmac-Sha256': signBody(delivery.body, this.#options.apiSecret),
          'X-Shopify-Shop-Domain': delivery.shop,
          'X-Shopify-API-Version': delivery.apiVersion,
          'X-Shopify-Webhook-Id': delivery.webhookId,
          'X-Shopify-Event-Id': delivery.eventId,
          'X-Shopify-Triggered-At': delivery.triggeredAt,
        },
        body: delivery.body,
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    delivery.attempts.push({ at: new Date().toISOString(), status, error, durationMs: Date.now() - started });
    // Any status outside 2xx, redirects included, is a failure.
    if (status !== null && status >= 200 && status < 300) {
      delivery.state = 'delivered';
      return;
    }
    const delay = this.#options.retryDelaysMs[delivery.attempts.length - 1];
    if (delay === undefined) {
      delivery.state = 'failed';
      this.#dropSubscription(delivery);
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#attempt(delivery);
    }, delay);
    this.#timers.add(timer);
  }

  #dropSubscription(delivery: Delivery): void {
    if (!this.#options.deleteSubscriptionOnFailure || delivery.subscriptionId === null) return;
    const list = this.#shops.get(delivery.shop)?.webhookSubscriptions;
    const index = list?.findIndex((s) => s.id === delivery.subscriptionId) ?? -1;
    if (list && index >= 0) list.splice(index, 1);
  }
}

function pick(payload: unknown, fields: readonly string[]): unknown {
  if (typeof payload !== 'object' || payload === null) return payload;
  const source = payload as Record<string, unknown>;
  return Object.fromEntries(fields.filter((field) => field in source).map((field) => [field, source[field]]));
}
