import express, { type Router } from 'express';
import type { IdSource } from '../core/ids.ts';
import { jsonBody, jsonBodyErrors } from '../core/json-body.ts';
import { type GuardDependencies, providerGuard } from '../core/provider-guard.ts';
import { anthropicProtocol } from './anthropic-protocol.ts';
import { countMessageTokens } from './count-tokens.ts';
import { messages } from './messages.ts';
import { listAnthropicModels } from './models-list.ts';

/** The Anthropic API, mounted at the prefix `anthropicBaseUrl` names (routes start with `/v1`). */
export function anthropicRouter(deps: GuardDependencies, ids: IdSource): Router {
  const protocol = anthropicProtocol(ids, deps.now);
  const router = express.Router();
  router.use(jsonBody());
  router.use(providerGuard('anthropic', protocol, deps));
  router.post('/v1/messages', messages(protocol, ids));
  router.post('/v1/messages/count_tokens', countMessageTokens(protocol));
  router.get('/v1/models', listAnthropicModels(protocol));
  router.use((_req, res) => {
    res.status(404).json({ type: 'error', error: { type: 'not_found_error', message: 'Not Found' } });
  });
  router.use(jsonBodyErrors(protocol));
  return router;
}
