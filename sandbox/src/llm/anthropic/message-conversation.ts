import type { Conversation } from '../core/conversation.ts';
import { asRecord, asString } from '../core/request-body.ts';

/** The text of a string or an array of content blocks (text blocks, and tool results' text). */
function blocksText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  return content
    .map((raw) => {
      const block = asRecord(raw);
      if (block?.['type'] === 'text') return asString(block['text']) ?? '';
      if (block?.['type'] === 'tool_result') return blocksText(block['content']) ?? '';
      return '';
    })
    .join('');
}

/** Reads Messages `system` and `messages`; returns the error message the API would give instead. */
export function messageConversation(system: unknown, messages: unknown): Conversation | { error: string } {
  if (!Array.isArray(messages)) return { error: 'messages: Field required' };
  const conversation: Conversation = { system: [], turns: [] };
  if (system !== undefined) {
    const text = blocksText(system);
    if (text === undefined) return { error: 'system: Input should be a valid string or list of text blocks' };
    conversation.system.push(text);
  }
  for (const [index, raw] of messages.entries()) {
    const message = asRecord(raw);
    const role = message?.['role'];
    if (role !== 'user' && role !== 'assistant') {
      return { error: `messages.${index}.role: Input should be 'user' or 'assistant'` };
    }
    const text = blocksText(message?.['content']);
    if (text === undefined) return { error: `messages.${index}.content: Input should be a valid list` };
    conversation.turns.push({ role, text });
  }
  return conversation;
}
