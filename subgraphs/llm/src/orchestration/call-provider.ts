import type { Identity } from '@ionflux/kit/identity';
import { NO_USAGE, type ProviderCall, type TokenCounts } from '../providers/llm-adapter.ts';
import { type LlmFailure, toProviderFailure } from '../providers/provider-failure.ts';
import type { LlmServices } from '../services.ts';
import { closeCall, isCentralKeyModel, type OpenCall, type OpenCallInput, openCall } from './open-call.ts';
import { recordRejection } from './record-rejection.ts';

export type CallOutcome<Answer> = { ok: true; answer: Answer } | { ok: false; failure: LlmFailure };

/** Sends the request with this key and output limit (undefined: the provider's default). */
export type SendCall<Answer> = (call: ProviderCall, maxTokens: number | undefined) => Promise<Answer>;

type Sent<Answer> = { ok: true; answer: Answer } | { ok: false; error: unknown };

/**
 * One provider call and its ledger: opened (key, quota reservation, `pending` row, {@link openCall}),
 * sent, closed with the usage reported.
 *
 * When this instance's last call for the workspace and provider found neither a quota nor a workspace
 * key, the request goes out with the central key at once, beside the opening statement instead of after
 * it: the database round trip (0.3-0.6 ms here) no longer adds to the answer. The answer is used only
 * once the opening confirms that guess, so the caller is answered only after the `pending` row is
 * written; the statement goes on the wire before the request when a pooled connection is free (when
 * none is, it waits for one, and a process killed in that wait leaves the call out of the ledger: the
 * price of not waiting for the database first). When the opening finds otherwise (a quota or key set
 * since, on another instance), the call in flight is aborted, ledgered as `cancelled`, and the request
 * is sent again as the opening decides or refused (QUOTA_EXCEEDED). An opening that fails (database
 * down) aborts it too and fails the call, as it would have failed first.
 */
export async function callProvider<Answer extends { usage: TokenCounts }>(
  services: LlmServices,
  identity: Identity,
  input: OpenCallInput,
  send: SendCall<Answer>,
): Promise<CallOutcome<Answer>> {
  const started = performance.now();
  const sendAsOpened = async (open: OpenCall) =>
    close(services, input, open, await settle(send(open.call, open.maxTokens)));
  // Only a model IONFLUX's key may serve: any other is refused by the opening, before any call.
  const guessedKey =
    services.callPolicies.isPlain(identity.workspaceId, input.provider) &&
    isCentralKeyModel(input.provider, input.model, input.operation)
      ? await services.centralKeys.get(input.provider)
      : undefined;
  if (guessedKey === undefined) {
    const opened = await openCall(services, identity, input);
    return opened.ok ? sendAsOpened(opened.open) : opened;
  }

  // Aborted with the caller's signal, or by a withdrawal (not AbortSignal.any: 13 µs a call here).
  const early = new AbortController();
  if (input.signal.aborted) early.abort(input.signal.reason);
  else input.signal.addEventListener('abort', () => early.abort(input.signal.reason), { once: true });
  const opening = openCall(services, identity, input);
  // Awaited below; a rejection before then must not count as unhandled.
  opening.catch(() => {});
  // postgres.js writes the opening statement to its socket in a setImmediate (queued by then, when a
  // pooled connection is free): sending after it puts the pending row on the wire before the request.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const sending = settle(
    send(
      { apiKey: guessedKey, signal: early.signal, keySource: 'central', workspaceId: identity.workspaceId },
      input.maxTokens,
    ),
  );
  const withdraw = async () => {
    early.abort();
    const sent = await sending;
    services.callPolicies.countEarlySend('withdrawn');
    await recordWithdrawn(services, identity, input, {
      started,
      usage: sent.ok ? sent.answer.usage : NO_USAGE,
    });
  };
  let opened: Awaited<ReturnType<typeof openCall>>;
  try {
    opened = await opening;
  } catch (error) {
    await withdraw();
    throw error;
  }
  if (opened.ok && opened.open.call.apiKey === guessedKey && opened.open.maxTokens === input.maxTokens) {
    services.callPolicies.countEarlySend('confirmed');
    return close(services, input, opened.open, await sending);
  }
  await withdraw();
  return opened.ok ? sendAsOpened(opened.open) : opened;
}

function settle<Answer>(sending: Promise<Answer>): Promise<Sent<Answer>> {
  return sending.then(
    (answer) => ({ ok: true, answer }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** Finishes the call's ledger row with what the provider reported (or its failure). */
function close<Answer extends { usage: TokenCounts }>(
  services: LlmServices,
  input: OpenCallInput,
  open: OpenCall,
  sent: Sent<Answer>,
): CallOutcome<Answer> {
  if (sent.ok) {
    closeCall(services, open, { usage: sent.answer.usage, failure: undefined });
    return sent;
  }
  const failure = toProviderFailure(input.provider, sent.error, {
    secrets: [open.call.apiKey],
    keySource: open.keySource,
    signal: input.signal,
  });
  services.logger.warn(
    {
      requestId: input.requestId,
      provider: input.provider,
      code: failure.code,
      providerStatus: failure.providerError?.status ?? null,
    },
    'provider call failed',
  );
  closeCall(services, open, { usage: NO_USAGE, failure });
  return { ok: false, failure };
}

/**
 * Ledgers a call sent early and then withdrawn: the provider saw it, so the audit trail shows it, as
 * `cancelled`, with the usage and cost of the answer when it came before the abort (not charged to the
 * quota, which did not allow for it). A failure to write it is logged, not thrown: the request goes on.
 */
async function recordWithdrawn(
  services: LlmServices,
  identity: Identity,
  input: OpenCallInput,
  { started, usage }: { started: number; usage: TokenCounts },
) {
  services.logger.info(
    { requestId: input.requestId, provider: input.provider, workspaceId: identity.workspaceId },
    "call sent before its quota and key check withdrawn: the workspace's quota or key has changed",
  );
  try {
    await recordRejection(services, identity, { ...input, status: 'cancelled', usage, started });
  } catch (error) {
    services.logger.error(
      { err: error, requestId: input.requestId },
      'the ledger row of a withdrawn call could not be written',
    );
  }
}
