import { z } from 'zod';
import { runEmbedding } from '../orchestration/index.ts';
import { toStoredProvider } from '../providers/stored-provider.ts';
import { type DoorRequest, describeIssues } from './door-request.ts';
import { sendOpenAiError } from './openai-error.ts';
import { bodyProblem, readJsonBody } from './read-json-body.ts';
import { resolveModel } from './resolve-model.ts';

const embeddingRequestSchema = z.object({
  model: z.string({ error: 'model is required' }).min(1).max(200),
  input: z.union([z.string(), z.array(z.string()).min(1).max(2048)], {
    error: 'input must be a string or an array of strings (token arrays are not supported)',
  }),
  encoding_format: z.enum(['float', 'base64']).nullish(),
  dimensions: z.number().int().positive().nullish(),
  user: z.string().nullish(),
});

/** A vector as OpenAI's `encoding_format: "base64"` sends it: little-endian float32s, base64. */
export function toBase64Vector(vector: readonly number[]): string {
  const floats = Float32Array.from(vector);
  // Float32Array is in the platform's byte order; OpenAI's (and its SDKs' decoding) is little-endian.
  const buffer = Buffer.alloc(floats.length * 4);
  for (const [index, value] of floats.entries()) buffer.writeFloatLE(value, index * 4);
  return buffer.toString('base64');
}

/**
 * `POST /llm/openai/v1/embeddings`: OpenAI's Embeddings API through `createEmbedding`'s orchestration
 * (`runEmbedding`: key, quota, ledger). OpenAI and Gemini models embed; a Claude model is refused with
 * INVALID_REQUEST (Anthropic has no embeddings API). `encoding_format: "base64"` (what the official SDK
 * asks for by default) gets float32 vectors in base64, `float` (the API's default) JSON numbers.
 */
export async function openAiEmbeddings({ req, res, context, maxBodyBytes }: DoorRequest): Promise<void> {
  const body = await readJsonBody(req, maxBodyBytes);
  if (!body.ok) {
    const status = body.reason === 'too_large' ? 413 : undefined;
    sendOpenAiError(res, 'INVALID_REQUEST', bodyProblem(body.reason, maxBodyBytes), status ? { status } : {});
    return;
  }
  const parsed = embeddingRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    const param = parsed.error.issues[0]?.path.map(String).join('.') || null;
    sendOpenAiError(res, 'INVALID_REQUEST', describeIssues(parsed.error.issues), { param });
    return;
  }
  const request = parsed.data;
  const model = resolveModel(request.model);
  if (!model.ok) {
    sendOpenAiError(res, 'INVALID_REQUEST', model.message, { param: 'model' });
    return;
  }
  const result = await runEmbedding(
    context.services,
    context.identity,
    {
      provider: model.provider,
      model: model.model,
      input: typeof request.input === 'string' ? [request.input] : request.input,
      dimensions: request.dimensions ?? null,
      requestId: context.identity.requestId,
    },
    context.signal,
  );
  if (result.status !== 'SUCCESS' || !result.embeddings) {
    const error = result.error;
    sendOpenAiError(res, error?.code ?? 'INTERNAL', error?.message ?? 'The embedding failed.', {
      ...(error ? { error } : {}),
      ...(error?.code === 'INVALID_REQUEST' && !error.providerError ? { param: 'model' } : {}),
    });
    return;
  }
  const base64 = request.encoding_format === 'base64';
  const answer = JSON.stringify({
    object: 'list',
    data: result.embeddings.map((embedding) => ({
      object: 'embedding',
      index: embedding.index,
      embedding: base64 ? toBase64Vector(embedding.vector) : embedding.vector,
    })),
    model: result.model,
    usage: { prompt_tokens: result.usage?.promptTokens ?? 0, total_tokens: result.usage?.totalTokens ?? 0 },
  });
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(answer));
  res.setHeader('x-ionflux-provider', toStoredProvider(result.provider));
  res.end(answer);
}
