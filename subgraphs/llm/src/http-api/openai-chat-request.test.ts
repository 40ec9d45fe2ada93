import { describe, expect, it } from 'vitest';
import { chatRequestSchema, toChatInput } from './openai-chat-request.ts';

const parse = (body: unknown) => chatRequestSchema.parse(body);

describe('toChatInput', () => {
  it('maps system, history and the last user turn, and OpenAI’s parameters', () => {
    const chat = toChatInput(
      parse({
        model: 'claude-haiku-4-5',
        messages: [
          { role: 'system', content: 'Be terse.' },
          { role: 'developer', content: [{ type: 'text', text: 'No emoji.' }] },
          { role: 'user', content: 'Name a colour.' },
          { role: 'assistant', content: 'Teal.' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Another' },
              { type: 'text', text: ' one.' },
            ],
          },
        ],
        max_tokens: 50,
        max_completion_tokens: 40,
        temperature: 0.3,
        stop: '\n',
        top_k: 5,
        user: 'ignored',
      }),
      'req-1',
    );
    expect(chat).toEqual({
      ok: true,
      input: {
        provider: 'CLAUDE',
        model: 'claude-haiku-4-5',
        prompt: 'Another one.',
        systemPrompt: 'Be terse.\n\nNo emoji.',
        history: [
          { role: 'USER', content: 'Name a colour.' },
          { role: 'ASSISTANT', content: 'Teal.' },
        ],
        parameters: {
          maxTokens: 40,
          temperature: 0.3,
          topP: null,
          stopSequences: ['\n'],
          extra: [{ name: 'top_k', value: '5' }],
        },
        requestId: 'req-1',
      },
    });
  });

  it('leaves the output limit unset when none is given (the catalog default is applied later)', () => {
    const chat = toChatInput(
      parse({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
      'r',
    );
    expect(chat.ok && chat.input.parameters?.maxTokens).toBeNull();
  });

  it.each([
    [
      { model: 'gpt-4o-mini', messages: [{ role: 'assistant', content: 'prefill' }] },
      /last message must be a user/,
    ],
    [
      {
        model: 'gpt-4o-mini',
        messages: [
          { role: 'user', content: 'a' },
          { role: 'system', content: 'late' },
          { role: 'user', content: 'b' },
        ],
      },
      /before the conversation/,
    ],
    [{ model: 'llama3', messages: [{ role: 'user', content: 'a' }] }, /not one IONFLUX knows/],
  ])('refuses %j', (body, message) => {
    const chat = toChatInput(parse(body), 'r');
    expect(chat.ok).toBe(false);
    if (!chat.ok) expect(chat.message).toMatch(message);
  });

  it.each([
    { model: 'gpt-4o-mini', messages: [{ role: 'tool', content: 'x', tool_call_id: '1' }] },
    {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] }],
    },
    { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }], n: 2 },
    { model: 'gpt-4o-mini', messages: [] },
    { messages: [{ role: 'user', content: 'x' }] },
  ])('the schema refuses %j', (body) => {
    expect(chatRequestSchema.safeParse(body).success).toBe(false);
  });
});
