/** Longest tone text taken from the caller; the rest of the prompt is ours. */
const MAX_TONE = 80;
/** Description characters sent: enough for captions, bounded in tokens (quota). */
const MAX_DESCRIPTION = 2000;

export const CAPTION_SYSTEM_PROMPT =
  'You write short social media captions for a brand’s TikTok videos. Answer with the captions only, one ' +
  'per line, without numbering. Use only the facts given; no made-up claims.';

/** The completion prompt asking for `count` caption ideas for one video. */
export function captionPrompt(
  video: { title: string | null; description: string | null },
  count: number,
  tone?: string | null,
): string {
  const lines: string[] = [];
  if (video.title) lines.push(`Video title: ${video.title}`);
  if (video.description) lines.push(`Video description: ${video.description.slice(0, MAX_DESCRIPTION)}`);
  if (tone) lines.push(`Tone: ${tone.slice(0, MAX_TONE)}`);
  lines.push(`Write ${count} caption ideas, one per line.`);
  return lines.join('\n');
}

/** A list marker a model may put before an idea despite the instructions: `1.`, `2)`, `-`, `*`, `•`. */
const LIST_MARKER = /^(?:\d{1,2}[.)]|[-*•])\s+/;
/** Quotes around a whole idea. */
const WRAPPING_QUOTES = /^["“'](.*)["”']$/;

/** The ideas of a model's answer: one per non-empty line, list markers and wrapping quotes removed, no repeats. */
export function parseCaptionIdeas(text: string, count: number): string[] {
  const ideas: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const idea = line.trim().replace(LIST_MARKER, '').replace(WRAPPING_QUOTES, '$1').trim();
    if (idea && !ideas.includes(idea)) ideas.push(idea);
    if (ideas.length === count) break;
  }
  return ideas;
}
