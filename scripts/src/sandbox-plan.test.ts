import { describe, expect, it } from 'vitest';
import { planSandbox } from './sandbox-plan.ts';

describe('planSandbox', () => {
  it('simulates every provider on a machine with no credentials', () => {
    expect(planSandbox({})).toEqual({
      providers: ['shopify', 'tiktok', 'llm'],
      llmProviders: ['openai', 'anthropic', 'gemini'],
      reason: 'no provider credentials are set',
    });
  });

  it('stays off once any credential is configured, unless IONFLUX_SANDBOX=1', () => {
    expect(planSandbox({ OPENAI_API_KEY: 'sk-real' }).providers).toEqual([]);
    expect(planSandbox({ OPENAI_API_KEY: 'sk-real', IONFLUX_SANDBOX: '1' })).toMatchObject({
      providers: ['shopify', 'tiktok', 'llm'],
      llmProviders: ['anthropic', 'gemini'],
    });
  });

  it('is off with IONFLUX_SANDBOX=0 even with nothing configured', () => {
    expect(planSandbox({ IONFLUX_SANDBOX: '0' }).providers).toEqual([]);
  });
});
