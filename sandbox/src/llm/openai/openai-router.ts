import express, { type Router } from 'express';
import type { IdSource } from '../core/ids.ts';
import { jsonBody, jsonBodyErrors } from '../core/json-body.ts';
import { type GuardDependencies, providerGuard } from '../core/provider-guard.ts';
import { chatCompletions } from './chat-completions.ts';
import { embeddings } from './embeddings.ts';
import { listModels, retrieveModel } from './models-list.ts';
import { openaiProtocol } from './openai-protocol.ts';

/** The OpenAI API, mounted at the prefix that `openaiBaseUrl` ends with (`…/v1` included in routes). */
export function openaiRouter(deps: GuardDependencies, ids: IdSource): Router {
  const protocol = openaiProtocol(ids);
  const router = express.Router();
  router.use(jsonBody());
  router.use(providerGuard('openai', protocol, deps));
  router.post('/v1/chat/completions', chatCompletions(protocol, ids, deps.now));
  router.post('/v1/embeddings', embeddings(protocol));
  router.get('/v1/models', listModels(protocol));
  router.get('/v1/models/:model', retrieveModel(protocol));
  router.use((_req, res) => {
    res.status(404).json({
      error: { message: 'Invalid URL', type: 'invalid_request_error', param: null, code: null },
    });
  });
  router.use(jsonBodyErrors(protocol));
  return router;
}
