import type { Request, RequestHandler, Response } from 'express';
import { LISTED_MODELS, servesModel } from '../core/models.ts';
import type { ProviderProtocol } from '../core/provider-protocol.ts';

const CREATED = 1_715_367_049;

function modelObject(id: string) {
  return { id, object: 'model', created: CREATED, owned_by: 'system' };
}

/** `GET /v1/models`. */
export function listModels(protocol: ProviderProtocol): RequestHandler {
  return (_req: Request, res: Response) => {
    protocol.successHeaders(res);
    res.json({ object: 'list', data: LISTED_MODELS.openai.map(modelObject) });
  };
}

/** `GET /v1/models/{model}`. */
export function retrieveModel(protocol: ProviderProtocol): RequestHandler {
  return (req: Request, res: Response) => {
    const id = String(req.params['model']);
    if (!servesModel('openai', id)) return protocol.modelNotFound(res, id);
    protocol.successHeaders(res);
    res.json(modelObject(id));
  };
}
