import type { Conversation } from '../core/conversation.ts';
import { asRecord, asString } from '../core/request-body.ts';

/** The text parts of a Gemini `Content`, joined. */
export function partsText(content: unknown): string | undefined {
  const parts = asRecord(content)?.['parts'];
  if (!Array.isArray(parts)) return undefined;
  return parts.map((part) => asString(asRecord(part)?.['text']) ?? '').join('');
}

/** Reads `contents` and `systemInstruction` (camelCase or snake_case, as Google's own examples mix). */
export function contentConversation(body: Record<string, unknown>): Conversation | { error: string } {
  const contents = body['contents'];
  if (!Array.isArray(contents) || contents.length === 0) {
    return { error: '* GenerateContentRequest.contents: contents is not specified' };
  }
  const conversation: Conversation = { system: [], turns: [] };
  const instruction = body['systemInstruction'] ?? body['system_instruction'];
  if (instruction !== undefined) {
    const text = partsText(instruction);
    if (text === undefined)
      return { error: '* GenerateContentRequest.system_instruction: parts is not specified' };
    conversation.system.push(text);
  }
  for (const [index, content] of contents.entries()) {
    const role = asRecord(content)?.['role'] ?? 'user';
    const text = partsText(content);
    if (text === undefined)
      return {
        error: `* GenerateContentRequest.contents[${index}].parts: contents.parts must not be empty.`,
      };
    if (role !== 'user' && role !== 'model') {
      return { error: `Please use a valid role: user, model.` };
    }
    conversation.turns.push({ role: role === 'model' ? 'assistant' : 'user', text });
  }
  return conversation;
}
