import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/graphql-client.ts';
import { type LlmSystemUnderTest, startLlmSystem } from '../support/start-llm-system.ts';

let system: LlmSystemUnderTest;
beforeAll(async () => {
  system = await startLlmSystem();
});
afterAll(async () => {
  await system?.stop();
});

const COMPLETE = /* GraphQL */ `
  mutation Complete($input: CompletionInput!) {
    createCompletion(input: $input) {
      status requestId provider model fallbackUsed
      providerResponse { id model choices { index text finishReason providerFinishReason } usage { promptTokens completionTokens totalTokens } }
      error { code message retryAfterSeconds providerError { provider status type code message raw } }
    }
  }
`;

describe('createCompletion through the gateway', () => {
  it.each([
    ['OPENAI', 'gpt-4o-mini'],
    ['CLAUDE', 'claude-haiku-4-5'],
    ['GEMINI', 'gemini-2.5-flash'],
  ])('completes with %s', async (provider, model) => {
    const { body } = await postGraphQL(system.gatewayUrl, COMPLETE, {
      token: system.token,
      variables: {
        input: {
          provider,
          model,
          prompt: 'Say hello',
          systemPrompt: 'Be terse.',
          parameters: { maxTokens: 50 },
        },
      },
    });
    expect(body.errors).toBeUndefined();
    console.log(JSON.stringify(body.data));
  });
});
