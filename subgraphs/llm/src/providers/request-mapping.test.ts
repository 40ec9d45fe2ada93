import { describe, expect, it } from 'vitest';
import { anthropicUsage, toAnthropicParams } from './anthropic/anthropic-adapter.ts';
import { geminiUsage, toGeminiParams } from './gemini/gemini-adapter.ts';
import type { CompletionRequest } from './llm-adapter.ts';
import { toOpenAiParams } from './openai/openai-adapter.ts';

const request: CompletionRequest = {
  model: 'm',
  prompt: 'Now?',
  systemPrompt: 'Be brief.',
  history: [
    { role: 'user', content: 'Hi' },
    { role: 'assistant', content: 'Hello' },
  ],
  maxTokens: 32,
  temperature: 0.3,
  topP: 0.8,
  stopSequences: ['END'],
  extra: {},
};

describe('request mapping', () => {
  it('OpenAI: system message first, max_completion_tokens, stop', () => {
    expect(toOpenAiParams(request)).toEqual({
      model: 'm',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'Now?' },
      ],
      max_completion_tokens: 32,
      temperature: 0.3,
      top_p: 0.8,
      stop: ['END'],
    });
  });

  it('OpenAI: leaves unset parameters out rather than sending nulls', () => {
    expect(
      toOpenAiParams({
        ...request,
        systemPrompt: undefined,
        maxTokens: undefined,
        temperature: undefined,
        topP: undefined,
        stopSequences: [],
      }),
    ).toEqual({
      model: 'm',
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'Now?' },
      ],
    });
  });

  it('Anthropic: system as a field, max_tokens, stop_sequences, extras kept below our fields', () => {
    expect(toAnthropicParams({ ...request, extra: { top_k: 5, model: 'ignored' } })).toEqual({
      top_k: 5,
      model: 'm',
      system: 'Be brief.',
      max_tokens: 32,
      temperature: 0.3,
      top_p: 0.8,
      stop_sequences: ['END'],
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'Now?' },
      ],
    });
  });

  it('Gemini: roles user/model, systemInstruction and generation config', () => {
    expect(toGeminiParams(request)).toEqual({
      model: 'm',
      contents: [
        { role: 'user', parts: [{ text: 'Hi' }] },
        { role: 'model', parts: [{ text: 'Hello' }] },
        { role: 'user', parts: [{ text: 'Now?' }] },
      ],
      config: {
        systemInstruction: 'Be brief.',
        maxOutputTokens: 32,
        temperature: 0.3,
        topP: 0.8,
        stopSequences: ['END'],
      },
    });
  });
});

describe('usage mapping', () => {
  it('Anthropic: counts cache writes and reads as prompt tokens and adds a total', () => {
    expect(
      anthropicUsage({
        input_tokens: 10,
        output_tokens: 5,
        cache_creation_input_tokens: 3,
        cache_read_input_tokens: 2,
      }),
    ).toEqual({ promptTokens: 15, completionTokens: 5, totalTokens: 20 });
  });

  it('Gemini: takes the total as given (thoughts count) and fills a missing one', () => {
    expect(geminiUsage({ promptTokenCount: 4, candidatesTokenCount: 6, totalTokenCount: 19 })).toEqual({
      promptTokens: 4,
      completionTokens: 6,
      totalTokens: 19,
    });
    expect(geminiUsage({ promptTokenCount: 4, candidatesTokenCount: 6 })).toEqual({
      promptTokens: 4,
      completionTokens: 6,
      totalTokens: 10,
    });
  });
});
