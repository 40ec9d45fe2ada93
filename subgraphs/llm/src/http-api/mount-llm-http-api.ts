import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ErrorCode, httpStatusOf } from '@ionflux/kit/errors';
import { IDENTITY_HEADER, type Identity, type IdentityVerifier } from '@ionflux/kit/identity';
import type { Logger } from '@ionflux/kit/logging';
import { requestIdOf } from '@ionflux/kit/server';
import type { Express } from 'express';
import type { LlmContext } from '../context.ts';
import type { DoorRequest } from './door-request.ts';
import { openAiChatCompletions } from './openai-chat-completions.ts';
import { openAiEmbeddings } from './openai-embeddings.ts';
import { sendOpenAiError } from './openai-error.ts';
import { openAiModels } from './openai-models.ts';
import { specCompletions } from './spec-completions.ts';
import { sendSpecError } from './spec-envelope.ts';

/** Which error shape a door answers in: spec 1.3's envelope, or OpenAI's `{error}`. */
export type DoorShape = 'spec' | 'openai';

interface Route {
  method: 'GET' | 'POST';
  shape: DoorShape;
  handle(request: DoorRequest): Promise<void>;
}

/**
 * The HTTP doors of the LLM subgraph, by exact path; the gateway forwards these same paths to it (and
 * nothing else under `/llm`). Each runs the orchestration GraphQL's resolvers run, on the same services.
 */
export const LLM_HTTP_ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  ['/llm/v1/completions', { method: 'POST', shape: 'spec', handle: specCompletions }],
  ['/llm/openai/v1/chat/completions', { method: 'POST', shape: 'openai', handle: openAiChatCompletions }],
  ['/llm/openai/v1/embeddings', { method: 'POST', shape: 'openai', handle: openAiEmbeddings }],
  ['/llm/openai/v1/models', { method: 'GET', shape: 'openai', handle: openAiModels }],
]);

export interface LlmHttpApiOptions {
  identityVerifier: IdentityVerifier;
  logger: Logger;
  /** The context resolvers get, for a verified caller whose request aborts `signal` when it goes. */
  createContext(identity: Identity, signal: AbortSignal): LlmContext;
  /** Larger request bodies get 413. @default 2097152 (2 MiB; the gateway's own cap is lower) */
  maxBodyBytes?: number;
}

/**
 * Mounts `/llm/v1/completions` (spec 1.3) and the OpenAI-compatible `/llm/openai/v1/*` on the subgraph's
 * app. As `/graphql`, they answer only the gateway: a request without a valid identity signature for this
 * subgraph gets 401 before its body is read. Any other path under `/llm` is 404 in its door's shape.
 */
export function mountLlmHttpApi(app: Express, options: LlmHttpApiOptions): void {
  const maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;
  app.use('/llm', (req, res) => {
    const path = req.originalUrl.split('?')[0] ?? '';
    const route = LLM_HTTP_ROUTES.get(path);
    const shape: DoorShape = route?.shape ?? (path.startsWith('/llm/openai/') ? 'openai' : 'spec');
    const fail = (code: ErrorCode, message: string) => sendDoorError(res, shape, code, message);
    if (!route || route.method !== req.method) {
      fail('NOT_FOUND', 'There is no such LLM route.');
      return;
    }
    const verification = options.identityVerifier.verify(headerOf(req, IDENTITY_HEADER));
    if (!verification.ok) {
      fail(
        'UNAUTHENTICATED',
        `This service only answers the IONFLUX gateway (${verification.reason}); send requests to the gateway.`,
      );
      return;
    }
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort(new Error('the caller went away'));
    });
    const identity: Identity = { requestId: requestIdOf(res), ...verification.identity };
    const context = options.createContext(identity, controller.signal);
    route.handle({ req, res, context, maxBodyBytes }).catch((error: unknown) => {
      options.logger.error({ err: error, requestId: identity.requestId, path }, 'LLM HTTP door failed');
      if (!res.headersSent) fail('INTERNAL', `Internal error (request ${identity.requestId}).`);
      else res.destroy();
    });
  });
}

function sendDoorError(res: ServerResponse, shape: DoorShape, code: ErrorCode, message: string): void {
  if (shape === 'openai') sendOpenAiError(res, code, message);
  else sendSpecError(res, requestIdOf(res), code, message, httpStatusOf(code));
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
