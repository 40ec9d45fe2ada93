import { ErrorCode, isErrorCode } from '@ionflux/kit/errors';

const CODE_WORD = new RegExp(`\\b(${Object.values(ErrorCode).join('|')})\\b`, 'g');

/** An answer to judge: status, content type and body text. */
export interface AnswerToJudge {
  status: number;
  contentType: string;
  body: string;
}

/**
 * The error codes an answer carries, from the one `ErrorCode` enum: `error.code` of a JSON body,
 * `extensions.code` of each GraphQL error, or the codes an HTML page names (an OAuth result page).
 */
export function codesOf(answer: AnswerToJudge): string[] {
  if (answer.contentType.includes('html')) return [...new Set(answer.body.match(CODE_WORD) ?? [])];
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const codes: string[] = [];
  const { error, errors } = parsed as { error?: { code?: unknown }; errors?: unknown };
  if (isErrorCode(error?.code)) codes.push(error.code);
  if (Array.isArray(errors)) {
    for (const each of errors) {
      const code = (each as { extensions?: { code?: unknown } } | null)?.extensions?.code;
      codes.push(isErrorCode(code) ? code : `not a code: ${JSON.stringify(code)}`);
    }
  }
  return codes;
}

/**
 * Why an answer to hostile input is not acceptable (undefined when it is): it must be a 4xx carrying a
 * code, never a 5xx, never `INTERNAL` (an unexpected failure), never a code outside the enum. `allowed`
 * statuses other than 4xx (e.g. 200 for a correctly signed webhook, or a GraphQL 200) are accepted
 * when every error they carry is coded.
 */
export function refusalProblem(answer: AnswerToJudge, allowed: readonly number[] = []): string | undefined {
  const codes = codesOf(answer);
  const excerpt = `${answer.status} ${answer.contentType} ${JSON.stringify(answer.body.slice(0, 300))}`;
  if (answer.status >= 500) return `a ${answer.status} (server error): ${excerpt}`;
  if (codes.some((code) => !isErrorCode(code))) return `an error without a code: ${excerpt}`;
  if (codes.includes(ErrorCode.INTERNAL)) return `an INTERNAL (unexpected) error: ${excerpt}`;
  if (allowed.includes(answer.status)) return undefined;
  if (answer.status < 400) return `a ${answer.status} where a refusal was due: ${excerpt}`;
  if (codes.length === 0) return `a ${answer.status} naming no code of the ErrorCode enum: ${excerpt}`;
  return undefined;
}
