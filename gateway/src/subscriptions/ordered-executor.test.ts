import { describe, expect, it } from 'vitest';
import { createOrderedExecutor } from './ordered-executor.ts';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createOrderedExecutor', () => {
  it('delivers in submission order while runs finish out of order, never more than maxInFlight at once', async () => {
    const delivered: number[] = [];
    let running = 0;
    let mostRunning = 0;
    const executor = createOrderedExecutor<number, number>({
      run: async (input) => {
        running++;
        mostRunning = Math.max(mostRunning, running);
        await delay(input % 2 === 0 ? 15 : 1);
        running--;
        return input;
      },
      deliver: (output) => delivered.push(output),
      maxInFlight: 3,
      maxWaiting: 100,
    });
    for (let i = 0; i < 10; i++) expect(executor.submit(i)).toBe(true);
    await executor.drained();
    expect(delivered).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(mostRunning).toBe(3);
  });

  it('refuses inputs once maxInFlight run and maxWaiting wait', () => {
    const executor = createOrderedExecutor<number, number>({
      run: () => new Promise(() => {}),
      deliver: () => {},
      maxInFlight: 2,
      maxWaiting: 1,
    });
    expect([1, 2, 3, 4].map((input) => executor.submit(input))).toEqual([true, true, true, false]);
    expect(executor.pending()).toBe(3);
  });
});
