import type { z } from 'zod';

/** A payload mapped for the mirror, or why it cannot be (a field missing or malformed). */
export type MappingResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The first problem zod found, as `path: message`, without echoing any value. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the payload is malformed';
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
}
