import { createHash } from 'node:crypto';

/** Encoded topics longer than this are named by their hash, well inside NATS's 4 KiB control line. */
const MAX_ENCODED_LENGTH = 400;

/**
 * The NATS subject an event topic is published on: `<prefix>.` and the topic's `:`-separated parts as
 * subject tokens, e.g. `workspace:<id>:notifications` → `ionflux.events.workspace.<id>.notifications`.
 * Letters, digits, `-` and `_` stay; every other byte of a part is written `=XX` (hex of its UTF-8), an
 * empty part is `=`, so no two topics share a subject and none contains `.`, `*`, `>` or whitespace. A
 * topic whose encoding would pass 400 characters becomes `<prefix>.=H.<sha256 hex>`.
 */
export function subjectOf(prefix: string, topic: string): string {
  const encoded = topic.split(':').map(encodePart).join('.');
  if (encoded.length <= MAX_ENCODED_LENGTH) return `${prefix}.${encoded}`;
  return `${prefix}.=H.${createHash('sha256').update(topic).digest('hex')}`;
}

function encodePart(part: string): string {
  if (part === '') return '=';
  if (/^[A-Za-z0-9_-]+$/.test(part)) return part;
  let out = '';
  for (const char of part) {
    if (/^[A-Za-z0-9_-]$/.test(char)) out += char;
    else
      for (const byte of Buffer.from(char, 'utf8'))
        out += `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
