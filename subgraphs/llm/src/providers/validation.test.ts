import { describe, expect, it } from 'vitest';
import { createAnthropicAdapter } from './anthropic/anthropic-adapter.ts';
import { createGeminiAdapter } from './gemini/gemini-adapter.ts';
import type { CompletionRequest } from './llm-adapter.ts';
import { createOpenAiAdapter } from './openai/openai-adapter.ts';
import { parseExtras } from './parse-extras.ts';

const unused = (() => Promise.reject(new Error('no calls in validation tests'))) as typeof fetch;
const openai = createOpenAiAdapter({ fetch: unused });
const anthropic = createAnthropicAdapter({ fetch: unused });
const gemini = createGeminiAdapter({ fetch: unused });
const base: CompletionRequest = { model: 'm', prompt: 'hi', history: [], stopSequences: [], extra: {} };

describe('per-provider validation', () => {
  it('accepts a minimal request for OpenAI and Gemini; Claude needs maxTokens', () => {
    expect(openai.validate(base)).toEqual([]);
    expect(gemini.validate(base)).toEqual([]);
    expect(anthropic.validate(base)).toEqual(['Claude needs parameters.maxTokens']);
  });

  it('holds each provider to its own stop sequence limit', () => {
    const five = { ...base, maxTokens: 5, stopSequences: ['a', 'b', 'c', 'd', 'e'] };
    expect(openai.validate(five)).toEqual(['OpenAI accepts at most 4 stop sequences']);
    expect(anthropic.validate(five)).toEqual([]);
    expect(gemini.validate({ ...five, stopSequences: [...five.stopSequences, 'f'] })).toEqual([
      'Gemini accepts at most 5 stop sequences',
    ]);
  });

  it('holds temperature to 0-2, and 0-1 for Claude; topP to 0-1', () => {
    expect(openai.validate({ ...base, temperature: 2 })).toEqual([]);
    expect(openai.validate({ ...base, temperature: 2.1 })).toHaveLength(1);
    expect(anthropic.validate({ ...base, maxTokens: 5, temperature: 1.2 })).toEqual([
      'parameters.temperature must be between 0 and 1 for Claude',
    ]);
    expect(gemini.validate({ ...base, topP: -0.1 })).toEqual(['parameters.topP must be between 0 and 1']);
  });

  it('refuses a non-positive maxTokens and an empty prompt', () => {
    expect(openai.validate({ ...base, prompt: ' ', maxTokens: 0 })).toEqual([
      'prompt must not be empty',
      'parameters.maxTokens must be a whole number of at least 1',
    ]);
  });
});

describe('parseExtras', () => {
  const allowed = new Set(['top_k']);
  it('parses allowed JSON values', () => {
    expect(parseExtras([{ name: 'top_k', value: '40' }], allowed, 'anthropic')).toEqual({
      ok: true,
      extra: { top_k: 40 },
    });
  });
  it('refuses unknown names and non-JSON values', () => {
    const result = parseExtras(
      [
        { name: 'stream', value: 'true' },
        { name: 'top_k', value: 'forty' },
      ],
      allowed,
      'anthropic',
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toHaveLength(2);
  });
});
