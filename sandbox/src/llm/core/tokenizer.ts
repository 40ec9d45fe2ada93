/**
 * A deterministic stand-in for a BPE tokenizer: runs of up to six letters or digits, or one other
 * character, each carrying the whitespace that follows it. About four characters per token on English
 * text, like the real ones, and `splitTokens(text).join('') === text` always holds, so a reply can be
 * streamed or cut token by token without losing characters.
 */
const TOKEN = /[\p{L}\p{N}]{1,6}\s*|[^\s\p{L}\p{N}]\s*|\s+/gu;

/** Splits text into the simulator's tokens. */
export function splitTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** How many tokens the simulator bills for this text. */
export function countTokens(text: string): number {
  return splitTokens(text).length;
}
