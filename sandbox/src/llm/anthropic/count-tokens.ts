import type { Request, RequestHandler, Response } from 'express';
import { canonicalText } from '../core/conversation.ts';
import type { ProviderProtocol } from '../core/provider-protocol.ts';
import { asRecord } from '../core/request-body.ts';
import { countTokens } from '../core/tokenizer.ts';
import { messageConversation } from './message-conversation.ts';

/** `POST /v1/messages/count_tokens`: the `input_tokens` a Messages request with this body would bill. */
export function countMessageTokens(protocol: ProviderProtocol): RequestHandler {
  return (req: Request, res: Response) => {
    const body = asRecord(req.body) ?? {};
    if (typeof body['model'] !== 'string') return protocol.invalidRequest(res, 'model: Field required');
    const conversation = messageConversation(body['system'], body['messages']);
    if ('error' in conversation) return protocol.invalidRequest(res, conversation.error);
    protocol.successHeaders(res);
    res.json({ input_tokens: countTokens(canonicalText(conversation)) });
  };
}
