import type { Request, Response } from 'express';
import type { IdSource } from '../core/ids.ts';
import type { ProviderProtocol } from '../core/provider-protocol.ts';
import { composeReply, type Reply, type ReplyFinish } from '../core/reply.ts';
import { asPositiveInteger, asRecord, asStringList } from '../core/request-body.ts';
import { contentConversation } from './content-conversation.ts';
import { streamResponses } from './stream-responses.ts';

const FINISH_REASON: Record<ReplyFinish, string> = {
  stop: 'STOP',
  stop_sequence: 'STOP',
  length: 'MAX_TOKENS',
  content_filter: 'SAFETY',
};

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
    await streamResponses(req, res, reply, response);
  };
}
