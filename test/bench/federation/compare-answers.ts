import { isDeepStrictEqual } from 'node:util';

/** How a gateway's answer compares with the reference (stock Apollo Gateway's). */
export type AnswerMatch =
  | 'identical bytes'
  | 'same JSON, other whitespace'
  | 'same values, other key order'
  | 'DIFFERENT';

export function compareAnswers(reference: string, answer: string): AnswerMatch {
  if (answer === reference) return 'identical bytes';
  let parsedReference: unknown;
  let parsedAnswer: unknown;
  try {
    parsedReference = JSON.parse(reference);
    parsedAnswer = JSON.parse(answer);
  } catch {
    return 'DIFFERENT';
  }
  if (JSON.stringify(parsedReference) === JSON.stringify(parsedAnswer)) return 'same JSON, other whitespace';
  return isDeepStrictEqual(parsedReference, parsedAnswer) ? 'same values, other key order' : 'DIFFERENT';
}

/** POSTs a GraphQL request and returns the status and body text. */
export async function postGraphQL(
  url: string,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(request),
  });
  return { status: response.status, body: await response.text() };
}
