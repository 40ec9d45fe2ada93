import { describe, expect, it } from 'vitest';
import { captionPrompt, parseCaptionIdeas } from './caption-prompt.ts';

describe('caption ideas: prompt and parsing', () => {
  it('asks for the number of ideas with the facts given, bounding what the caller controls', () => {
    const prompt = captionPrompt({ title: 'Fit check', description: 'd'.repeat(5000) }, 4, 't'.repeat(200));
    const lines = prompt.split('\n');
    expect(lines[0]).toBe('Video title: Fit check');
    expect(lines[1]).toBe(`Video description: ${'d'.repeat(2000)}`);
    expect(lines[2]).toBe(`Tone: ${'t'.repeat(80)}`);
    expect(lines[3]).toBe('Write 4 caption ideas, one per line.');
    expect(captionPrompt({ title: null, description: 'Only text' }, 1)).toBe(
      'Video description: Only text\nWrite 1 caption ideas, one per line.',
    );
  });

  it('takes one idea per line, without list markers, wrapping quotes, blanks or repeats, up to count', () => {
    const answer = [
      '1. "Summer fits that slap ☀️ #ootd"',
      '',
      '2) Your new favourite tee',
      '- Your new favourite tee',
      '* “Drip check: passed”',
      '• 3 ways to style it',
      '10. Tenth',
    ].join('\r\n');
    expect(parseCaptionIdeas(answer, 10)).toEqual([
      'Summer fits that slap ☀️ #ootd',
      'Your new favourite tee',
      'Drip check: passed',
      '3 ways to style it',
      'Tenth',
    ]);
    expect(parseCaptionIdeas(answer, 2)).toEqual(['Summer fits that slap ☀️ #ootd', 'Your new favourite tee']);
    expect(parseCaptionIdeas('  \n \n', 3)).toEqual([]);
  });
});
