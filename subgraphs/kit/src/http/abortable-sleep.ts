import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`, rejecting with the signal's reason as soon as it aborts, so a cancelled call stops waiting. */
export async function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  await delay(ms, undefined, signal === undefined ? {} : { signal });
}
