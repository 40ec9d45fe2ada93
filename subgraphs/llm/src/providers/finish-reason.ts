import type { FinishReason } from './llm-adapter.ts';

/** OpenAI's values are ours already; `function_call` is the deprecated spelling of `tool_calls`. */
export function openaiFinishReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'stop':
    case 'length':
    case 'content_filter':
    case 'tool_calls':
      return reason;
    case 'function_call':
      return 'tool_calls';
    default:
      return 'other';
  }
}

/** Anthropic `stop_reason` (Messages API `StopReason`). */
export function anthropicFinishReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return 'other';
  }
}

const geminiFiltered = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

/** Gemini `FinishReason`. */
export function geminiFinishReason(reason: string | null | undefined): FinishReason {
  if (reason === 'STOP') return 'stop';
  if (reason === 'MAX_TOKENS') return 'length';
  if (reason && geminiFiltered.has(reason)) return 'content_filter';
  if (
    reason === 'MALFORMED_FUNCTION_CALL' ||
    reason === 'UNEXPECTED_TOOL_CALL' ||
    reason === 'TOO_MANY_TOOL_CALLS'
  ) {
    return 'tool_calls';
  }
  return 'other';
}
