import type { Request, Response } from 'express';
import type { IdSource } from '../core/ids.ts';
import type { ProviderProtocol } from '../core/provider-protocol.ts';
import { composeReply, type Reply, type ReplyFinish } from '../core/reply.ts';
import { asPositiveInteger, asRecord, asStringList } from '../core/request-body.ts';
import { startEventStream, writeEvent } from '../core/sse.ts';
import { beforeChunk } from '../core/stream-plan.ts';
import { contentConversation } from './content-conversation.ts';

const FINISH_REASON: Record<ReplyFinish, string> = {
  stop: 'STOP',
  stop_sequence: 'STOP',
  length: 'MAX_TOKENS',
  content_filter: 'SAFETY',
};
/** How many tokens each streamed chunk carries: Gemini streams in a few large pieces. */
const TOKENS_PER_CHUNK = 8;

function candidate(reply: Reply, text: string, finished: boolean) {
  if (reply.finish === 'content_filter') {
    return {
      finishReason: 'SAFETY',
      index: 0,
      safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }],
    };
  }
  return {
    content: { parts: [{ text }], role: 'model' },
    ...(finished ? { finishReason: FINISH_REASON[reply.finish] } : {}),
    index: 0,
  };
}

function usageMetadata(reply: Reply) {
  return {
    promptTokenCount: reply.promptTokens,
    candidatesTokenCount: reply.completionTokens,
    totalTokenCount: reply.promptTokens + reply.completionTokens,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: reply.promptTokens }],
  };
}

/**
 * `:generateContent` and `:streamGenerateContent`: one GenerateContentResponse, or several; with
 * `alt=sse` as `data:` events and no terminator, otherwise as one JSON array.
 */
export function generateContent(protocol: ProviderProtocol, ids: IdSource, model: string, stream: boolean) {
  return async (req: Request, res: Response) => {
    const body = asRecord(req.body) ?? {};
    const conversation = contentConversation(body);
    if ('error' in conversation) return protocol.invalidRequest(res, conversation.error);
    const config = asRecord(body['generationConfig'] ?? body['generation_config']) ?? {};
    const rawMax = config['maxOutputTokens'] ?? config['max_output_tokens'];
    const maxTokens = rawMax === undefined ? undefined : asPositiveInteger(rawMax);
    if (rawMax !== undefined && maxTokens === undefined) {
      return protocol.invalidRequest(
        res,
        '* GenerateContentRequest.generation_config.max_output_tokens: must be positive',
      );
    }
    const rawStop = config['stopSequences'] ?? config['stop_sequences'];
    const stop = rawStop === undefined ? [] : asStringList(rawStop);
    if (stop === undefined)
      return protocol.invalidRequest(
        res,
        '* GenerateContentRequest.generation_config.stop_sequences: invalid',
      );
    const reply = composeReply(conversation, { maxTokens, stop });
    const responseId = ids.next('', 22);
    const response = (text: string, finished: boolean) => ({
      candidates: [candidate(reply, text, finished)],
      ...(finished ? { usageMetadata: usageMetadata(reply) } : {}),
      modelVersion: model,
      responseId,
    });
    protocol.successHeaders(res);
    if (!stream) {
      res.json(response(reply.text, true));
      return;
    }
    const chunks: string[] = [];
    for (let i = 0; i < reply.tokens.length; i += TOKENS_PER_CHUNK) {
      chunks.push(reply.tokens.slice(i, i + TOKENS_PER_CHUNK).join(''));
    }
    if (chunks.length === 0) chunks.push('');
    const sse = req.query['alt'] === 'sse';
    if (sse) startEventStream(res);
    else res.status(200).type('application/json').write('[');
    for (let index = 0; index <= chunks.length; index += 1) {
      const next = await beforeChunk(res, index);
      if (next === 'closed') return;
      if (next !== 'write') {
        // A chunk holding `error` is how Google reports a failure after the 200 (js-genai raises it).
        const error = {
          error: {
            code: 503,
            message: 'The model is overloaded. Please try again later.',
            status: 'UNAVAILABLE',
          },
        };
        if (next === 'error' && sse) writeEvent(res, error, undefined, '\r\n\r\n');
        if (next === 'error' && !sse) res.write(`${index === 0 ? '' : ',\r\n'}${JSON.stringify(error)}]`);
        res.end();
        return;
      }
      const text = chunks[index];
      if (text === undefined) break;
      const event = response(text, index === chunks.length - 1);
      if (sse) writeEvent(res, event, undefined, '\r\n\r\n');
      else res.write(`${index === 0 ? '' : ',\r\n'}${JSON.stringify(event)}`);
    }
    if (!sse) res.write(']');
    res.end();
  };
}
