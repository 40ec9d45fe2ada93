import { describe, expect, it } from 'vitest';
import { resolveModel } from './resolve-model.ts';

describe('resolveModel', () => {
  it.each([
    ['gpt-4o-mini', 'OPENAI', 'gpt-4o-mini'],
    ['claude-sonnet-4-5', 'CLAUDE', 'claude-sonnet-4-5'],
    ['gemini-2.5-flash', 'GEMINI', 'gemini-2.5-flash'],
    ['text-embedding-3-small', 'OPENAI', 'text-embedding-3-small'],
    ['gemini-embedding-001', 'GEMINI', 'gemini-embedding-001'],
    ['anthropic/claude-haiku-4-5', 'CLAUDE', 'claude-haiku-4-5'],
    ['Claude/claude-opus-5', 'CLAUDE', 'claude-opus-5'],
    ['google/gemini-3-pro', 'GEMINI', 'gemini-3-pro'],
    ['openai/my-org/fine-tune', 'OPENAI', 'my-org/fine-tune'],
    ['o4-mini', 'OPENAI', 'o4-mini'],
    ['claude-3-7-sonnet-latest', 'CLAUDE', 'claude-3-7-sonnet-latest'],
  ])('%s → %s %s', (name, provider, model) => {
    expect(resolveModel(name)).toEqual({ ok: true, provider, model });
  });

  it.each(['mistral-large', 'llama3', 'mistral/mistral-large', 'openai/', '/gpt-4o'])(
    'refuses %s, saying how to name a model',
    (name) => {
      const resolved = resolveModel(name);
      expect(resolved.ok).toBe(false);
      if (!resolved.ok) expect(resolved.message).toMatch(/GET \/models.*provider/);
    },
  );
});
