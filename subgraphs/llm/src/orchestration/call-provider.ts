import type { Identity } from '@ionflux/kit/identity';
import { NO_USAGE, type ProviderCall, type TokenCounts } from '../providers/llm-adapter.ts';
import { type LlmFailure, toProviderFailure } from '../providers/provider-failure.ts';
import type { CallServices } from './call-services.ts';
import { closeCall, type OpenCallInput, openCall } from './open-call.ts';

export type CallOutcome<Answer> = { ok: true; answer: Answer } | { ok: false; failure: LlmFailure };

/** Sends the request with this key and output limit (undefined: the provider's default). */
export type SendCall<Answer> = (call: ProviderCall, maxTokens: number | undefined) => Promise<Answer>;

/**
 * One provider call and its ledger, in order: open ({@link openCall}: the key, the quota and budget
 * reserved and the `pending` row written, one statement), send with the key and output limit the
 * opening decided, close ({@link closeCall}: the row finished with the usage reported, after the
 * answer). A call the opening refuses is never sent.
 */
export async function callProvider<Answer extends { usage: TokenCounts }>(
  services: CallServices,
  identity: Identity,
  input: OpenCallInput,
  send: SendCall<Answer>,
): Promise<CallOutcome<Answer>> {
  const opened = await openCall(services, identity, input);
  if (!opened.ok) return opened;
  const { open } = opened;
  let answer: Answer;
  try {
    answer = await send(open.call, open.maxTokens);
  } catch (error) {
    const failure = toProviderFailure(input.provider, error, {
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
  closeCall(services, open, { usage: answer.usage, failure: undefined });
  return { ok: true, answer };
}
