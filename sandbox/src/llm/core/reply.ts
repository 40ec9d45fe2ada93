import { type Conversation, canonicalText, conversationDigest, lastUserText } from './conversation.ts';
import { countTokens, splitTokens } from './tokenizer.ts';

/** A prompt containing this word is answered with a content filter verdict instead of a reply. */
export const CONTENT_FILTER_TRIGGER = 'SANDBOX_CONTENT_FILTER';

/** Why the simulated model stopped, before each provider maps it to its own vocabulary. */
export type ReplyFinish = 'stop' | 'length' | 'stop_sequence' | 'content_filter';

export interface ReplyLimits {
  maxTokens?: number | undefined;
  stop?: readonly string[] | undefined;
}

export interface Reply {
  text: string;
  /** `text` split into the pieces a stream sends, one per token. */
  tokens: string[];
  finish: ReplyFinish;
  /** The stop sequence that ended the reply, when `finish` is `stop_sequence`. */
  stopSequence: string | null;
  promptTokens: number;
  completionTokens: number;
}

/**
 * The full reply before limits: `Sandbox reply <digest>: <last user message>`. Tests can compute it
 * with this function, or assert on the echoed message.
 */
export function fullReplyText(conversation: Conversation): string {
  return `Sandbox reply ${conversationDigest(conversation)}: ${lastUserText(conversation)}`;
}

/**
 * The deterministic answer to a conversation: the full reply cut at the earliest stop sequence, then
 * at `maxTokens`. Usage adds up: prompt tokens are counted over the canonical text, completion tokens
 * over the text returned.
 */
export function composeReply(conversation: Conversation, limits: ReplyLimits): Reply {
  const promptTokens = countTokens(canonicalText(conversation));
  if (canonicalText(conversation).includes(CONTENT_FILTER_TRIGGER)) {
    return {
      text: '',
      tokens: [],
      finish: 'content_filter',
      stopSequence: null,
      promptTokens,
      completionTokens: 0,
    };
  }
  let text = fullReplyText(conversation);
  let finish: ReplyFinish = 'stop';
  let stopSequence: string | null = null;
  let cutAt = text.length;
  for (const sequence of limits.stop ?? []) {
    const index = sequence === '' ? -1 : text.indexOf(sequence);
    if (index >= 0 && index < cutAt) {
      cutAt = index;
      stopSequence = sequence;
    }
  }
  if (stopSequence !== null) {
    text = text.slice(0, cutAt);
    finish = 'stop_sequence';
  }
  let tokens = splitTokens(text);
  if (limits.maxTokens !== undefined && tokens.length > limits.maxTokens) {
    tokens = tokens.slice(0, limits.maxTokens);
    text = tokens.join('');
    finish = 'length';
    stopSequence = null;
  }
  return { text, tokens, finish, stopSequence, promptTokens, completionTokens: tokens.length };
}
