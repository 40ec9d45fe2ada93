import { createHash } from 'node:crypto';

/** A provider-neutral view of a chat request: what the deterministic reply is computed from. */
export interface Conversation {
  system: string[];
  turns: { role: 'user' | 'assistant'; text: string }[];
}

/**
 * The canonical text of a conversation: one `role: text` line per message, system first. The same
 * conversation sent to OpenAI, Anthropic or Gemini has the same canonical text, hence the same reply
 * and the same prompt token count.
 */
export function canonicalText(conversation: Conversation): string {
  const lines = conversation.system.map((text) => `system: ${text}`);
  for (const turn of conversation.turns) lines.push(`${turn.role}: ${turn.text}`);
  return lines.join('\n');
}

/** The 12 hex characters of SHA-256 over the canonical text that every reply quotes. */
export function conversationDigest(conversation: Conversation): string {
  return createHash('sha256').update(canonicalText(conversation)).digest('hex').slice(0, 12);
}

/** The last user message's text, or '' when there is none. */
export function lastUserText(conversation: Conversation): string {
  for (let i = conversation.turns.length - 1; i >= 0; i -= 1) {
    const turn = conversation.turns[i];
    if (turn?.role === 'user') return turn.text;
  }
  return '';
}
