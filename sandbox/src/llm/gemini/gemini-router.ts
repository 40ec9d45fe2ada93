import express, { type Request, type Response, type Router } from 'express';
import { canonicalText } from '../core/conversation.ts';
import type { IdSource } from '../core/ids.ts';
import { jsonBody, jsonBodyErrors } from '../core/json-body.ts';
import { LISTED_MODELS, servesModel } from '../core/models.ts';
import { type GuardDependencies, providerGuard } from '../core/provider-guard.ts';
import { asRecord } from '../core/request-body.ts';
import { countTokens } from '../core/tokenizer.ts';
import { contentConversation } from './content-conversation.ts';
import { batchEmbedContents, embedContent } from './embed-content.ts';
import { geminiProtocol, googleError, pathModel } from './gemini-protocol.ts';
import { generateContent } from './generate-content.ts';

const MODEL_METHOD = /^\/(v1|v1beta|v1alpha)\/models\/[^/]+$/;
const MODEL_LIST = /^\/(v1|v1beta|v1alpha)\/models$/;

function modelResource(name: string) {
  return {
    name: `models/${name}`,
    version: '001',
    displayName: name,
    supportedGenerationMethods: name.includes('embedding')
      ? ['embedContent', 'batchEmbedContents']
      : ['generateContent', 'countTokens'],
  };
}

/**
 * The Generative Language API, under `/v1`, `/v1beta` and `/v1alpha` (`@google/genai` 3 calls `/v1`
 * by default): `models/{model}:generateContent`, `:streamGenerateContent`, `:embedContent`,
 * `:batchEmbedContents`, `:countTokens`, and the model list.
 */
export function geminiRouter(deps: GuardDependencies, ids: IdSource): Router {
  const protocol = geminiProtocol();
  const router = express.Router();
  router.use(jsonBody());
  router.use(providerGuard('gemini', protocol, deps));
  router.get(MODEL_LIST, (_req, res) => {
    res.json({ models: LISTED_MODELS.gemini.map(modelResource) });
  });
  router.post(MODEL_METHOD, (req: Request, res: Response) => {
    const { model, method } = pathModel(req.path);
    if (!servesModel('gemini', model)) return protocol.modelNotFound(res, model);
    switch (method) {
      case 'generateContent':
        return generateContent(protocol, ids, model, false)(req, res);
      case 'streamGenerateContent':
        return generateContent(protocol, ids, model, true)(req, res);
      case 'embedContent':
        return embedContent(protocol, model)(req, res);
      case 'batchEmbedContents':
        return batchEmbedContents(protocol, model)(req, res);
      case 'countTokens': {
        const conversation = contentConversation(asRecord(req.body) ?? {});
        if ('error' in conversation) return protocol.invalidRequest(res, conversation.error);
        res.json({ totalTokens: countTokens(canonicalText(conversation)) });
        return;
      }
      default:
        return googleError(res, 404, `Method not found: ${method ?? ''}`);
    }
  });
  router.use((_req, res) => googleError(res, 404, 'Requested entity was not found.'));
  router.use(jsonBodyErrors(protocol));
  return router;
}
