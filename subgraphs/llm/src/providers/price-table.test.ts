import { describe, expect, it } from 'vitest';
import { estimateCostNanoUsd, priceOf } from './price-table.ts';

describe('price table', () => {
  it('prices tokens in nano-USD from USD per million tokens', () => {
    // gpt-4o-mini: $0.15 in, $0.60 out per million.
    expect(estimateCostNanoUsd('openai', 'gpt-4o-mini', { promptTokens: 1000, completionTokens: 1000 })).toBe(
      750_000,
    );
  });

  it('has no price for an unknown model, and its cost is unknown rather than guessed', () => {
    expect(priceOf('openai', 'some-future-model')).toBeUndefined();
    expect(
      estimateCostNanoUsd('openai', 'some-future-model', { promptTokens: 1000, completionTokens: 1000 }),
    ).toBeNull();
  });
});
