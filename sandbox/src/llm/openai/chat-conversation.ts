import type { Conversation } from '../core/conversation.ts';
import { asRecord, asString } from '../core/request-body.ts';

/** The text of an OpenAI message `content`: a string, or an array of parts whose text parts count. */
function contentText(content: unknown): string | undefined {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  return content
    .map((part) => {
      const record = asRecord(part);
      return record?.['type'] === 'text' ? (asString(record['text']) ?? '') : '';
    })
    .join('');
}

/** Reads Chat Completions `messages`; returns an error message naming the bad field instead. */
export function chatConversation(messages: unknown): Conversation | { error: string; param: string } {
  if (!Array.isArray(messages) || messages.length === 0) {
    return {
      error: "Invalid 'messages': empty array. Expected an array with minimum length 1.",
      param: 'messages',
    };
  }
  const conversation: Conversation = { system: [], turns: [] };
  for (const [index, raw] of messages.entries()) {
    const message = asRecord(raw);
    const role = asString(message?.['role']);
    const text = contentText(message?.['content']);
    const param = `messages[${index}]`;
    if (!message || role === undefined)
      return { error: `Missing required parameter: '${param}.role'.`, param };
    if (text === undefined)
      return { error: `Invalid type for '${param}.content'.`, param: `${param}.content` };
    if (role === 'system' || role === 'developer') conversation.system.push(text);
    else if (role === 'user' || role === 'tool' || role === 'function')
      conversation.turns.push({ role: 'user', text });
    else if (role === 'assistant') conversation.turns.push({ role: 'assistant', text });
    else
      return {
        error: `Invalid value: '${role}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
        param: `${param}.role`,
      };
  }
  return conversation;
}
