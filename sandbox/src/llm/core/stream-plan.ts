import { setTimeout as sleep } from 'node:timers/promises';
import type { Response } from 'express';
import type { LlmFault } from './fault-queue.ts';

/** How a stream should misbehave or pace itself, carried on `res.locals` from the guard to the handler. */
export interface StreamPlan {
  truncateAfter?: number;
  errorAfter?: number;
  chunkDelayMs: number;
}

const KEY = 'llmStreamPlan';

export function setStreamPlan(res: Response, fault: LlmFault | undefined, chunkDelayMs: number): void {
  const plan: StreamPlan = { chunkDelayMs };
  if (fault?.truncateStreamAfter !== undefined) plan.truncateAfter = fault.truncateStreamAfter;
  if (fault?.streamErrorAfter !== undefined) plan.errorAfter = fault.streamErrorAfter;
  res.locals[KEY] = plan;
}

/**
 * What to do before content chunk `index`: write it (after the configured pause), end the stream
 * silently (truncation), send the provider's mid-stream error, or stop because the client left.
 */
export async function beforeChunk(
  res: Response,
  index: number,
): Promise<'write' | 'truncate' | 'error' | 'closed'> {
  const plan = (res.locals[KEY] as StreamPlan | undefined) ?? { chunkDelayMs: 0 };
  if (plan.errorAfter !== undefined && index >= plan.errorAfter) return 'error';
  if (plan.truncateAfter !== undefined && index >= plan.truncateAfter) return 'truncate';
  if (plan.chunkDelayMs > 0 && index > 0) await sleep(plan.chunkDelayMs);
  return res.destroyed || res.writableEnded ? 'closed' : 'write';
}
