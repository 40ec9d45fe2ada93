import { describe, expect, it } from 'vitest';
import { anthropicFinishReason, geminiFinishReason, openaiFinishReason } from './finish-reason.ts';

describe('finish reasons', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['content_filter', 'content_filter'],
    ['tool_calls', 'tool_calls'],
    ['function_call', 'tool_calls'],
    [null, 'other'],
  ])('OpenAI %s → %s', (reason, ours) => {
    expect(openaiFinishReason(reason)).toBe(ours);
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['pause_turn', 'other'],
  ])('Anthropic %s → %s', (reason, ours) => {
    expect(anthropicFinishReason(reason)).toBe(ours);
  });

  it.each([
    ['STOP', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['SAFETY', 'content_filter'],
    ['RECITATION', 'content_filter'],
    ['PROHIBITED_CONTENT', 'content_filter'],
    ['MALFORMED_FUNCTION_CALL', 'tool_calls'],
    ['LANGUAGE', 'other'],
    ['FINISH_REASON_UNSPECIFIED', 'other'],
  ])('Gemini %s → %s', (reason, ours) => {
    expect(geminiFinishReason(reason)).toBe(ours);
  });
});
