import { describe, expect, it } from 'vitest';
import { pricedModels } from './price-table.ts';
import { centralKeyModels, defaultMaxTokens, providerCatalog } from './provider-catalog.ts';

describe('provider catalog', () => {
  it('lists exactly the models the price table prices, so every central-key call has a known cost', () => {
    const listed = providerCatalog.flatMap((provider) =>
      provider.models.map((model) => `${provider.stored}/${model.id}`),
    );
    expect([...listed].sort()).toEqual([...pricedModels()].sort());
  });

  it('names the chat and embedding models a central-key call may use', () => {
    expect(centralKeyModels('openai', 'CHAT')).toContain('gpt-4o-mini');
    expect(centralKeyModels('openai', 'CHAT')).not.toContain('text-embedding-3-small');
    expect(centralKeyModels('anthropic', 'EMBEDDING')).toEqual([]);
  });
});

describe('defaultMaxTokens', () => {
  it('is the configured default, lowered to the model’s own output cap from the catalog', () => {
    expect(defaultMaxTokens('anthropic', 'claude-sonnet-4-5', 1024)).toBe(1024);
    expect(defaultMaxTokens('openai', 'gpt-4o-mini', 100_000)).toBe(16_384);
    expect(defaultMaxTokens('gemini', 'gemini-2.5-flash', 100_000)).toBe(65_536);
  });

  it('is the configured default for a model outside the catalog (a workspace key may name any)', () => {
    expect(defaultMaxTokens('openai', 'my-fine-tune', 2048)).toBe(2048);
  });

  it('gives every chat model of the catalog an output cap', () => {
    for (const provider of providerCatalog)
      for (const model of provider.models.filter((entry) => entry.capabilities.includes('CHAT')))
        expect(model.maxOutputTokens, model.id).toBeGreaterThan(0);
  });
});
