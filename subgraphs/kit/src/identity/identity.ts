/** Who is calling: taken from the verified JWT at the gateway, never from client input. */
export interface Identity {
  userId: string;
  workspaceId: string;
  requestId: string;
}

/** The header that carries the gateway-signed identity to subgraphs. */
export const IDENTITY_HEADER = 'x-ionflux-identity';
/** The header that carries the request id end to end. */
export const REQUEST_ID_HEADER = 'x-request-id';
