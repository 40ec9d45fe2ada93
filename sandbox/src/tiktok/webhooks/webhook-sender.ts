import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** One attempt to deliver a developer webhook, as the control API reports it. */
export interface WebhookDelivery {
  event: string;
  url: string;
  body: string;
  signature: string;
  /** HTTP status of the last attempt, 0 when the connection failed. */
  status: number;
  attempts: number;
}

/** `TikTok-Signature: t=<unix seconds>,s=<hex HMAC-SHA256 of "{t}.{body}" keyed by the client secret>`. */
export function webhookSignature(clientSecret: string, timestamp: number, body: string): string {
  const digest = createHmac('sha256', clientSecret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},s=${digest}`;
}

/** Posts developer webhooks to the app's callback URL, retrying failures a few times. */
export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];
  url: string | undefined;
  readonly #clientKey: string;
  readonly #clientSecret: string;
  readonly #now: () => Date;
  readonly #retryDelayMs: number;
  readonly #stopped = new AbortController();

  constructor(options: {
    clientKey: string;
    clientSecret: string;
    url: string | undefined;
    now: () => Date;
    retryDelayMs?: number;
  }) {
    this.url = options.url;
    this.#clientKey = options.clientKey;
    this.#clientSecret = options.clientSecret;
    this.#now = options.now;
    this.#retryDelayMs = options.retryDelayMs ?? 500;
  }

  /** Sends `event` for a user; `content` becomes the JSON string TikTok puts in `content`. */
  send(event: string, userOpenId: string, content: Record<string, unknown>): void {
    const url = this.url;
    if (url === undefined) return;
    const createTime = Math.floor(this.#now().getTime() / 1000);
    const body = JSON.stringify({
      client_key: this.#clientKey,
      event,
      create_time: createTime,
      user_openid: userOpenId,
      content: JSON.stringify(content),
    });
    const delivery: WebhookDelivery = {
      event,
      url,
      body,
      signature: webhookSignature(this.#clientSecret, createTime, body),
      status: 0,
      attempts: 0,
    };
    this.deliveries.push(delivery);
    void this.#deliver(delivery);
  }

  /** Abandons retries still waiting (on simulator close). */
  stop(): void {
    this.#stopped.abort();
  }

  async #deliver(delivery: WebhookDelivery): Promise<void> {
    for (let attempt = 1; attempt <= 3 && !this.#stopped.signal.aborted; attempt += 1) {
      delivery.attempts = attempt;
      try {
        const response = await fetch(delivery.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'tiktok-signature': delivery.signature },
          body: delivery.body,
          signal: this.#stopped.signal,
        });
        delivery.status = response.status;
        if (response.ok) return;
      } catch {
        delivery.status = 0;
      }
      await sleep(this.#retryDelayMs * attempt, undefined, { signal: this.#stopped.signal }).catch(
        () => undefined,
      );
    }
  }
}
