import type { BuiltOperation } from './build-operations.ts';
import { refusalProblem } from './coded-answer.ts';
import type { GraphQLAnswer } from './send-graphql.ts';

/**
 * What an answer to workspace B reveals about workspace A (empty when nothing): A's markers that B did
 * not send itself, an uncoded or unexpected error, and any difference from the answer to the same
 * operation with decoy ids (same form, naming nothing), which would tell B that A's ids exist.
 */
export function isolationProblems(
  operation: BuiltOperation,
  withIdsOfA: GraphQLAnswer,
  withDecoys: GraphQLAnswer,
  markers: readonly string[],
): string[] {
  const where = `${operation.root.coordinate} ${JSON.stringify(operation.variables)}`;
  const echoed = new Set(operation.supplied.map(String));
  const problems: string[] = [];
  for (const marker of markers) {
    if (!echoed.has(marker) && withIdsOfA.text.includes(marker))
      problems.push(`${where}: the answer shows A’s ${marker}: ${withIdsOfA.text.slice(0, 400)}`);
  }
  for (const [label, answer] of [
    ['with A’s ids', withIdsOfA],
    ['with decoys', withDecoys],
  ] as const) {
    const problem = refusalProblem(
      { status: answer.status, contentType: answer.contentType, body: answer.text },
      [200],
    );
    if (problem) problems.push(`${where} ${label}: ${problem}`);
  }
  if (withIdsOfA.status !== 200)
    problems.push(
      `${where}: not executed (status ${withIdsOfA.status}), so it proves nothing: ${withIdsOfA.text.slice(0, 300)}`,
    );
  const sent = [...flatten(operation.variables), ...flatten(operation.decoyVariables)];
  const [outcomeOfA, outcomeOfDecoys] = [outcome(withIdsOfA, sent), outcome(withDecoys, sent)];
  if (outcomeOfA !== outcomeOfDecoys)
    problems.push(
      `${where}: answers differ with A’s ids (${outcomeOfA}) and with decoys (${outcomeOfDecoys})`,
    );
  return problems;
}

/**
 * Status, error codes and messages (the values sent masked) and the shape of the data (lists empty or
 * not), without values: what must not depend on whether the ids exist in another workspace.
 */
function outcome(answer: GraphQLAnswer, sent: readonly string[]): string {
  const mask = (text: string) => sent.reduce((masked, value) => masked.replaceAll(value, '<sent>'), text);
  const errors = (answer.body?.errors ?? [])
    .map((error) => `${String(error.extensions?.['code'])}: ${mask(error.message)}`)
    .sort();
  return JSON.stringify({ status: answer.status, errors, data: shapeOf(answer.body?.data) });
}

function flatten(value: unknown): string[] {
  if (typeof value === 'string') return value.length >= 8 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(flatten);
  return [];
}

function shapeOf(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, shapeOf(inner)]),
    );
  return typeof value;
}
