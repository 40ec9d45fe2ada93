/**
 * Runs a stream under its own AbortController and aborts it the moment the consumer returns, so the
 * provider's HTTP stream is cut at once instead of after its next chunk.
 */
export function cancellable<T>(start: (signal: AbortSignal) => AsyncGenerator<T>): AsyncGenerator<T> {
  const controller = new AbortController();
  const inner = start(controller.signal);
  const outer: AsyncGenerator<T> = {
    next: (...args) => inner.next(...args),
    return: (value) => {
      controller.abort(new Error('the subscriber went away'));
      return inner.return(value);
    },
    throw: (error) => {
      controller.abort(error);
      return inner.throw(error);
    },
    [Symbol.asyncIterator]: () => outer,
    [Symbol.asyncDispose]: async () => {
      controller.abort();
      await inner.return(undefined);
    },
  };
  return outer;
}
