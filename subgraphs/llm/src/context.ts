import type { Database } from '@ionflux/kit/db';
import type { Identity } from '@ionflux/kit/identity';
import type { Logger } from '@ionflux/kit/logging';
import type { LlmConfig } from './config.ts';
import type { LlmServices } from './services.ts';

/** What every LLM resolver gets: the verified caller and the service's handles. */
export interface LlmContext {
  identity: Identity;
  db: Database;
  logger: Logger;
  config: LlmConfig;
  services: LlmServices;
  /** Aborts when the caller goes away (the HTTP request closes or the subscription ends). */
  signal: AbortSignal;
}
