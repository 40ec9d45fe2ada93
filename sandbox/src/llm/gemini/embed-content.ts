import type { Request, Response } from 'express';
import { embeddingVector } from '../core/embedding.ts';
import { embeddingShape } from '../core/models.ts';
import type { ProviderProtocol } from '../core/provider-protocol.ts';
import { asPositiveInteger, asRecord } from '../core/request-body.ts';
import { partsText } from './content-conversation.ts';

function embed(request: Record<string, unknown>, model: string): { values: number[] } | string {
  const text = partsText(request['content']);
  if (text === undefined) return '* EmbedContentRequest.content: content is not specified';
  const shape = embeddingShape(model);
  const raw = request['outputDimensionality'] ?? request['output_dimensionality'];
  const dimensions = raw === undefined ? shape.dimensions : asPositiveInteger(raw);
  if (dimensions === undefined || dimensions > shape.dimensions) {
    return `* EmbedContentRequest.output_dimensionality: must be between 1 and ${shape.dimensions}`;
  }
  return { values: embeddingVector(text, dimensions) };
}

/** `:embedContent` → `{embedding:{values}}`. */
export function embedContent(protocol: ProviderProtocol, model: string) {
  return (req: Request, res: Response) => {
    const result = embed(asRecord(req.body) ?? {}, model);
    if (typeof result === 'string') return protocol.invalidRequest(res, result);
    protocol.successHeaders(res);
    res.json({ embedding: result });
  };
}

/** `:batchEmbedContents` (what `@google/genai` calls for `models.embedContent`) → `{embeddings:[…]}`. */
export function batchEmbedContents(protocol: ProviderProtocol, model: string) {
  return (req: Request, res: Response) => {
    const requests = asRecord(req.body)?.['requests'];
    if (!Array.isArray(requests) || requests.length === 0 || requests.length > 100) {
      return protocol.invalidRequest(
        res,
        '* BatchEmbedContentsRequest.requests: between 1 and 100 requests are required',
      );
    }
    const embeddings: { values: number[] }[] = [];
    for (const request of requests) {
      const result = embed(asRecord(request) ?? {}, model);
      if (typeof result === 'string') return protocol.invalidRequest(res, result);
      embeddings.push(result);
    }
    protocol.successHeaders(res);
    res.json({ embeddings });
  };
}
