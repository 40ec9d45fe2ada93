import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LlmContext } from '../context.ts';

/** One verified request to an HTTP door: the caller as the gateway signed it, and the service's handles. */
export interface DoorRequest {
  req: IncomingMessage;
  res: ServerResponse;
  /** Identity, services and the signal that aborts when the caller goes away, as resolvers get them. */
  context: LlmContext;
  /** Request bodies past this many bytes are refused with 413. */
  maxBodyBytes: number;
}

/** A door's problems with a request body, as one readable sentence per field (zod's issues). */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 10)
    .map((issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}
