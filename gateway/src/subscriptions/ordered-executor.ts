export interface OrderedExecutorOptions<Input, Output> {
  /** Must not reject: turn failures into an `Output`. */
  run(input: Input): Promise<Output>;
  /** Receives outputs in the order inputs were submitted. */
  deliver(output: Output): void;
  /** Runs at once at most this many; later inputs wait. */
  maxInFlight: number;
  /** Inputs that may wait for a run slot; beyond it `submit` refuses. */
  maxWaiting: number;
}

export interface OrderedExecutor<Input> {
  /** False when the waiting queue is full (the input is dropped). */
  submit(input: Input): boolean;
  /** Resolves when nothing runs or waits (immediately when idle). */
  drained(): Promise<void>;
  /** Drops waiting inputs and ignores outputs of runs still in flight. */
  stop(): void;
  pending(): number;
}

interface Slot<Output> {
  done: boolean;
  output?: Output;
}

/**
 * Runs per-event work a few at a time and delivers the results in event order. Both bounds matter: an
 * unbounded fan of concurrent plan executions under load is what took a prototype to 4 GB of RSS.
 */
export function createOrderedExecutor<Input, Output>(
  options: OrderedExecutorOptions<Input, Output>,
): OrderedExecutor<Input> {
  const window: Slot<Output>[] = [];
  const waiting: Input[] = [];
  let stopped = false;
  let onDrained: (() => void)[] = [];

  const start = (input: Input) => {
    const slot: Slot<Output> = { done: false };
    window.push(slot);
    void options.run(input).then((output) => {
      slot.done = true;
      slot.output = output;
      flush();
    });
  };

  const flush = () => {
    if (stopped) return;
    while (window[0]?.done) {
      const slot = window.shift() as Slot<Output>;
      options.deliver(slot.output as Output);
      if (stopped) return;
    }
    while (window.length < options.maxInFlight && waiting.length > 0) start(waiting.shift() as Input);
    if (window.length === 0 && waiting.length === 0) {
      const callbacks = onDrained;
      onDrained = [];
      for (const callback of callbacks) callback();
    }
  };

  return {
    submit(input) {
      if (stopped) return false;
      if (window.length < options.maxInFlight) {
        start(input);
        return true;
      }
      if (waiting.length >= options.maxWaiting) return false;
      waiting.push(input);
      return true;
    },
    drained() {
      if (window.length === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => onDrained.push(resolve));
    },
    stop() {
      stopped = true;
      waiting.length = 0;
      const callbacks = onDrained;
      onDrained = [];
      for (const callback of callbacks) callback();
    },
    pending: () => window.length + waiting.length,
  };
}
