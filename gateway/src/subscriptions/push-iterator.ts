/** A bounded, push-fed async iterator: the subscription side a transport reads events from. */
export interface PushIterator<T> {
  /** What the transport iterates; `return()` ends it at once, without waiting for another event. */
  readonly iterator: AsyncGenerator<T, undefined, undefined>;
  /** Queues a value; false when the queue is full (the value is not queued) or the iterator has ended. */
  push(value: T): boolean;
  /** Ends after the queued values; with `last`, drops what is queued and ends with `last` instead. */
  end(last?: T): void;
  /** Values queued and not yet read. */
  queued(): number;
  readonly ended: boolean;
}

/**
 * Why not an async generator: its `return()` waits until the generator's pending `await` settles (the
 * next event), so an unsubscribing client would hold its resources until another event arrived.
 *
 * @param maxQueued values held for a reader that has not taken them yet; `push` refuses beyond it.
 * @param onEnd called once, when the reader returns or the last value has been read.
 */
export function createPushIterator<T>(maxQueued: number, onEnd: () => void): PushIterator<T> {
  let queue: T[] = [];
  let waiting: ((result: IteratorResult<T, undefined>) => void) | undefined;
  let ending = false;
  let finished = false;

  const finish = () => {
    if (finished) return;
    finished = true;
    ending = true;
    queue = [];
    const reader = waiting;
    waiting = undefined;
    reader?.({ done: true, value: undefined });
    onEnd();
  };

  const iterator: AsyncGenerator<T, undefined, undefined> = {
    next() {
      const value = queue.shift();
      if (value !== undefined) return Promise.resolve({ done: false, value });
      if (ending) {
        finish();
        return Promise.resolve({ done: true, value: undefined });
      }
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    return() {
      finish();
      return Promise.resolve({ done: true, value: undefined });
    },
    throw(error: unknown) {
      finish();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
    [Symbol.asyncDispose]() {
      finish();
      return Promise.resolve();
    },
  };

  return {
    iterator,
    push(value) {
      if (ending) return false;
      if (waiting) {
        const reader = waiting;
        waiting = undefined;
        reader({ done: false, value });
        return true;
      }
      if (queue.length >= maxQueued) return false;
      queue.push(value);
      return true;
    },
    end(last) {
      if (ending) return;
      ending = true;
      if (last !== undefined) queue = [last];
      if (waiting) {
        const reader = waiting;
        waiting = undefined;
        const value = queue.shift();
        if (value !== undefined) reader({ done: false, value });
        else {
          waiting = reader;
          finish();
        }
      }
    },
    queued: () => queue.length,
    get ended() {
      return ending;
    },
  };
}
