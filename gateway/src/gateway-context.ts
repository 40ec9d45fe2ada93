import type { Identity } from '@ionflux/kit/identity';

/** Per-request context of the gateway: the verified caller, when there is one. */
export interface GatewayContext {
  requestId: string;
  identity?: Identity;
}
