import type { Request, RequestHandler, Response } from 'express';
import { embeddingBase64, embeddingVector } from '../core/embedding.ts';
import { embeddingShape, servesModel } from '../core/models.ts';
import type { ProviderProtocol } from '../core/provider-protocol.ts';
import { asPositiveInteger, asRecord, asString } from '../core/request-body.ts';
import { countTokens } from '../core/tokenizer.ts';

const MAX_INPUTS = 2048;

/** The inputs as `{text, tokens}`: strings as they are, token arrays by their ids. */
function readInputs(input: unknown): { text: string; tokens: number }[] | undefined {
  const isTokenArray = (value: unknown): value is number[] =>
    Array.isArray(value) && value.length > 0 && value.every((item) => Number.isInteger(item));
  const one = (value: unknown) => {
    if (typeof value === 'string' && value !== '') return { text: value, tokens: countTokens(value) };
    if (isTokenArray(value)) return { text: `tokens:${value.join(',')}`, tokens: value.length };
    return undefined;
  };
  if (typeof input === 'string' || isTokenArray(input)) {
    const single = one(input);
    return single ? [single] : undefined;
  }
  if (!Array.isArray(input) || input.length === 0 || input.length > MAX_INPUTS) return undefined;
  const items = input.map(one);
  return items.every((item) => item !== undefined)
    ? (items as { text: string; tokens: number }[])
    : undefined;
}

/** `POST /v1/embeddings`: deterministic unit vectors, as floats or base64 float32. */
export function embeddings(protocol: ProviderProtocol): RequestHandler {
  return (req: Request, res: Response) => {
    const body = asRecord(req.body);
    const model = asString(body?.['model']);
    if (!body || model === undefined)
      return protocol.invalidRequest(res, "Missing required parameter: 'model'.", 'model');
    const inputs = readInputs(body['input']);
    if (!inputs) {
      return protocol.invalidRequest(
        res,
        `'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.`,
        'input',
      );
    }
    if (!servesModel('openai', model)) return protocol.modelNotFound(res, model);
    const shape = embeddingShape(model);
    let dimensions = shape.dimensions;
    if (body['dimensions'] !== undefined) {
      const asked = asPositiveInteger(body['dimensions']);
      if (!shape.resizable)
        return protocol.invalidRequest(
          res,
          'This model does not support specifying dimensions.',
          'dimensions',
        );
      if (asked === undefined || asked > shape.dimensions) {
        return protocol.invalidRequest(
          res,
          `Invalid 'dimensions': expected an integer between 1 and ${shape.dimensions}.`,
          'dimensions',
        );
      }
      dimensions = asked;
    }
    const format = body['encoding_format'] ?? 'float';
    if (format !== 'float' && format !== 'base64') {
      return protocol.invalidRequest(
        res,
        "Invalid 'encoding_format': expected 'float' or 'base64'.",
        'encoding_format',
      );
    }
    const tokens = inputs.reduce((sum, input) => sum + input.tokens, 0);
    protocol.successHeaders(res);
    res.json({
      object: 'list',
      data: inputs.map((input, index) => {
        const vector = embeddingVector(input.text, dimensions);
        return {
          object: 'embedding',
          index,
          embedding: format === 'base64' ? embeddingBase64(vector) : vector,
        };
      }),
      model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  };
}
