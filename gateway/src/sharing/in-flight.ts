/**
 * Work in flight by key: the first caller of a key starts it, callers of the same key until it settles
 * wait for the same outcome, and the key is forgotten the moment it settles (nothing is cached past
 * that). `copy` gives every caller but the last its own copy of the value, made when the work settles
 * and before any caller sees it, so callers that mutate what they get (the plan executor merges
 * subgraph answers in place) cannot see each other's changes.
 */
export interface InFlight<T> {
  /** `start()`'s outcome, shared with callers of the same key while it runs; `shared` is true for joiners. */
  run(key: string, start: () => Promise<T>): { shared: boolean; outcome: Promise<T> };
  /** Keys in flight now (tests, metrics). */
  size(): number;
}

interface Entry<T> {
  callers: number;
  outcome: Promise<T[]>;
}

export function createInFlight<T>(copy: (value: T) => T = (value) => value): InFlight<T> {
  const running = new Map<string, Entry<T>>();
  return {
    run(key, start) {
      const current = running.get(key);
      if (current) {
        const index = current.callers++;
        return { shared: true, outcome: current.outcome.then((values) => values[index] as T) };
      }
      const entry: Entry<T> = {
        callers: 1,
        outcome: start().then(
          (value) => {
            running.delete(key);
            const values = Array.from({ length: entry.callers - 1 }, () => copy(value));
            values.push(value);
            return values;
          },
          (error: unknown) => {
            running.delete(key);
            throw error;
          },
        ),
      };
      running.set(key, entry);
      return { shared: false, outcome: entry.outcome.then((values) => values[0] as T) };
    },
    size: () => running.size,
  };
}
