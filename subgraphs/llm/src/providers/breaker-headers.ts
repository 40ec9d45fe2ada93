import type { ProviderCall } from './llm-adapter.ts';

/**
 * Internal request headers that carry a call's breaker scope from an adapter, through its SDK, to the
 * kit client (`createSdkFetch`), which removes them before anything is sent: the SDKs take per-request
 * headers but no other per-request data.
 */
export const BREAKER_KEY_HEADER = 'x-ionflux-breaker-key';
export const BREAKER_CALLER_HEADER = 'x-ionflux-breaker-caller';

/**
 * The breakers of a call: IONFLUX's key is one breaker shared by every workspace using it, each
 * workspace's own key one of its own; timeouts count against the calling workspace only (kit
 * `BreakerScope`).
 */
export function breakerHeaders(
  call: Pick<ProviderCall, 'keySource' | 'workspaceId'>,
): Record<string, string> {
  const caller = `workspace:${call.workspaceId}`;
  return {
    [BREAKER_KEY_HEADER]: call.keySource === 'central' ? 'central' : caller,
    [BREAKER_CALLER_HEADER]: caller,
  };
}
