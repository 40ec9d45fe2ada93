import type { CompletionRequest } from '../providers/llm-adapter.ts';

// Runs of up to four letters or digits, or one other character: more tokens than real BPE tokenizers
// produce on ordinary text, so a reservation built on it errs high, never low.
const PIECE = /[\p{L}\p{N}]{1,4}|[^\s\p{L}\p{N}]/gu;
const PER_MESSAGE = 4;

/** A deliberately high token count for text, for quota reservations before the provider has counted. */
export function estimateTokens(text: string): number {
  return (text.match(PIECE)?.length ?? 0) + 1;
}

/** A high estimate of the prompt tokens of a whole request: every message plus its framing. */
export function estimatePromptTokens(request: CompletionRequest): number {
  let total = 3 + PER_MESSAGE + estimateTokens(request.prompt);
  if (request.systemPrompt) total += PER_MESSAGE + estimateTokens(request.systemPrompt);
  for (const turn of request.history) total += PER_MESSAGE + estimateTokens(turn.content);
  return total;
}
