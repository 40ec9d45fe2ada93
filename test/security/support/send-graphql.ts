/** A GraphQL answer as received: status, content type and the body text (parsed when it is JSON). */
export interface GraphQLAnswer {
  status: number;
  contentType: string;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
  } | null;
}

/** Retries of an answer 429 with a short `Retry-After`, as a well-behaved client makes them. */
const MAX_RATE_LIMITED_RETRIES = 10;
const LONGEST_RETRY_AFTER_SECONDS = 5;

/**
 * POSTs an operation to the gateway as a client would, with a deadline: an answer that does not come
 * within `timeoutMs` is a hang and fails the test that sent it. A 429 with a `Retry-After` of at most
 * 5 s is waited out and sent again (the attacks send many requests from one workspace; per-workspace
 * rate limits must slow them, not change what they prove); a longer one is returned as is.
 */
export async function sendGraphQL(
  gatewayUrl: string,
  request: { query: string; variables?: unknown; token?: string; timeoutMs?: number },
): Promise<GraphQLAnswer> {
  for (let attempt = 0; ; attempt++) {
    const answer = await sendOnce(gatewayUrl, request);
    const retryAfter = Number(answer.retryAfter);
    if (
      answer.status !== 429 ||
      attempt === MAX_RATE_LIMITED_RETRIES ||
      !Number.isFinite(retryAfter) ||
      retryAfter > LONGEST_RETRY_AFTER_SECONDS
    ) {
      return { status: answer.status, contentType: answer.contentType, text: answer.text, body: answer.body };
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(retryAfter, 0.05) * 1000));
  }
}

async function sendOnce(
  gatewayUrl: string,
  request: { query: string; variables?: unknown; token?: string; timeoutMs?: number },
): Promise<GraphQLAnswer & { retryAfter: string | null }> {
  const timeoutMs = request.timeoutMs ?? 15_000;
  let response: Response;
  try {
    response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
      },
      body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Error(`no answer within ${timeoutMs} ms (${String(error)}) to ${request.query.slice(0, 200)}`);
  }
  const text = await response.text();
  let body: GraphQLAnswer['body'] = null;
  try {
    body = JSON.parse(text) as GraphQLAnswer['body'];
  } catch {
    body = null;
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    body,
    retryAfter: response.headers.get('retry-after'),
  };
}

/** What a GraphQL-over-SSE subscription answered within a window. */
export interface SubscriptionAnswer {
  status: number;
  contentType: string;
  /** The body of a refusal, or the `data:` payloads of `next` events. */
  text: string;
  events: string[];
  completed: boolean;
}

/**
 * Subscribes over GraphQL over SSE (distinct connections mode) on the gateway's `/graphql` and reads
 * events for `windowMs` or until the stream completes. The answer's head must come within
 * `timeoutMs` (a hang otherwise); a stream that stays open is normal for a subscription.
 */
export async function sendSubscription(
  gatewayUrl: string,
  request: { query: string; variables?: unknown; token?: string; windowMs?: number; timeoutMs?: number },
): Promise<SubscriptionAnswer> {
  const controller = new AbortController();
  const headTimer = setTimeout(() => controller.abort(), request.timeoutMs ?? 10_000);
  let response: Response;
  try {
    response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        accept: 'text/event-stream',
        'content-type': 'application/json',
        ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
      },
      body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
      signal: controller.signal,
    });
  } catch (error) {
    throw new Error(
      `no answer within ${request.timeoutMs ?? 10_000} ms (${String(error)}) to ${request.query}`,
    );
  } finally {
    clearTimeout(headTimer);
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('text/event-stream') || !response.body) {
    return { status: response.status, contentType, text: await response.text(), events: [], completed: true };
  }
  const windowTimer = setTimeout(() => controller.abort(), request.windowMs ?? 2_000);
  const decoder = new TextDecoder();
  let buffered = '';
  const events: string[] = [];
  let completed = false;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let end = buffered.indexOf('\n\n');
      while (end >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const name = /^event: ?(.*)$/m.exec(block)?.[1];
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        if (name === 'next') events.push(data);
        if (name === 'complete') completed = true;
        end = buffered.indexOf('\n\n');
      }
      if (completed) break;
    }
  } catch {
    // The window closed with the stream still open: normal for a subscription.
  } finally {
    clearTimeout(windowTimer);
    controller.abort();
  }
  return { status: response.status, contentType, text: events.join('\n'), events, completed };
}
