/**
 * A verified delivery's body as the store takes it: parsed (`payload`, with its text when `JSON.parse` of
 * the text gives `payload` exactly: it is then stored as sent, not serialised again — omit it when
 * `payload` was parsed any other way, e.g. large integers kept as strings, so that what is stored reads
 * back as `payload`), or only its text, when nothing at ingest needed it parsed and `JSON.parse` of it
 * reads exactly what it says: the store keeps it as sent and its syntax is checked there (a body the
 * database's json input refuses is answered 400 and stores nothing).
 */
export type WebhookBody =
  | { payload: unknown; payloadText?: string }
  | { payload?: undefined; payloadText: string };

/** The outcome of checking one incoming delivery: who sent what, or why it is refused. */
export type WebhookVerification =
  | ({
      ok: true;
      /** The provider's id of the delivery, stable across its retries (a webhook-id header). */
      deliveryId: string;
      topic: string;
      /** The provider account it concerns, e.g. the shop domain. */
      accountId?: string;
    } & WebhookBody)
  | {
      ok: false;
      /** Said to the sender and logged; never include the expected signature or a secret. */
      reason: string;
      /**
       * `INVALID_REQUEST` (400) when the sender is authentic but the body is unusable (see
       * {@link parseWebhookJson}); otherwise the refusal is a 401.
       * @default 'UNAUTHENTICATED'
       */
      code?: 'UNAUTHENTICATED' | 'INVALID_REQUEST';
    };

/** The path a provider's webhooks are delivered to, at a service and at the gateway: `/webhooks/<provider>`. */
export function webhookPath(provider: string): string {
  return `/webhooks/${provider}`;
}

/** One provider's webhooks: how to authenticate a delivery and which job task applies it. */
export interface WebhookSource {
  /** The provider id, stored on each delivery; deliveries are unique per provider and delivery id. */
  provider: string;
  /**
   * Checks the signature over the raw bytes (in constant time, e.g. {@link verifyHmacSha256Base64})
   * before looking at anything else, then reads the delivery id, topic and payload. Header names are
   * lowercase.
   */
  verify(
    rawBody: Buffer,
    headers: Record<string, string | undefined>,
  ): WebhookVerification | Promise<WebhookVerification>;
  /** The job task that applies a stored delivery (see `defineWebhookProcessingTask`). */
  processTask: string;
}
