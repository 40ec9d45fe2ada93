import { countTokens } from '@ionflux/sandbox/llm';
import { describe, expect, it } from 'vitest';
import { estimatePromptTokens, estimateTokens } from './estimate-tokens.ts';

describe('estimateTokens', () => {
  it.each([
    'Hello there, how are you today?',
    'The quick brown fox jumps over the lazy dog.',
    'émojis 🎉 and punctuation!!! ... ???',
    'supercalifragilisticexpialidocious antidisestablishmentarianism',
  ])('errs high against the simulator’s tokenizer: %s', (text) => {
    expect(estimateTokens(text)).toBeGreaterThanOrEqual(countTokens(text));
  });

  it('adds framing per message', () => {
    const one = estimatePromptTokens({ model: 'm', prompt: 'hi', history: [], stopSequences: [], extra: {} });
    const two = estimatePromptTokens({
      model: 'm',
      prompt: 'hi',
      systemPrompt: 'sys',
      history: [{ role: 'user', content: 'hi' }],
      stopSequences: [],
      extra: {},
    });
    expect(two).toBeGreaterThan(one + 8);
  });
});
