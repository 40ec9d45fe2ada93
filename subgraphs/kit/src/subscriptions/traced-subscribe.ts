import {
  createSourceEventStream,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  getOperationAST,
} from 'graphql';
import { eventTraceOf } from '../events/index.ts';
import { contextFromTraceHeaders, SpanKind, type Tracing, traceHeaders } from '../tracing/index.ts';

/** Where a subscription result tells the gateway the trace its event belongs to. */
export const RESULT_TRACE_EXTENSION = 'traceparent';

/**
 * graphql-js's `subscribe`, with each event's execution in a CONSUMER span continuing the trace of the
 * event it came from (the publisher's, carried through the bus: `tagWithEventTrace`), and that span's
 * `traceparent` in the result's `extensions`, so the gateway's handling of it continues the trace too.
 * Like graphql-js's own mapping it is pull-based, and `return()` reaches the source at once.
 */
export async function tracedSubscribe(
  tracing: Tracing,
  args: ExecutionArgs,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const iterator = source[Symbol.asyncIterator]();
  const field = rootFieldOf(args);
  const toResult = (payload: unknown): Promise<ExecutionResult> => {
    const carried = eventTraceOf(payload);
    if (!carried) return Promise.resolve(execute({ ...args, rootValue: payload }));
    return tracing.inSpan(
      `deliver ${field}`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextFromTraceHeaders({ ...carried }),
        attributes: { 'graphql.field': field },
      },
      async () => {
        const result = await execute({ ...args, rootValue: payload });
        const traceparent = traceHeaders()['traceparent'];
        return traceparent
          ? { ...result, extensions: { ...result.extensions, [RESULT_TRACE_EXTENSION]: traceparent } }
          : result;
      },
    );
  };
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const step = await iterator.next();
      if (step.done) return { value: undefined, done: true };
      return { value: await toResult(step.value), done: false };
    },
    async return() {
      await iterator.return?.();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return mapped;
}

function rootFieldOf(args: ExecutionArgs): string {
  const operation = getOperationAST(args.document, args.operationName);
  const first = operation?.selectionSet.selections.find((selection) => selection.kind === 'Field');
  return first?.kind === 'Field' ? first.name.value : 'subscription';
}
