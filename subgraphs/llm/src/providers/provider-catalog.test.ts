import { describe, expect, it } from 'vitest';
import { pricedModels } from './price-table.ts';
import { centralKeyModels, providerCatalog } from './provider-catalog.ts';

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
